import { randomUUID } from 'node:crypto';
import { schema } from '@attentive/db';
import { only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * Call import (issue 2). Every caller is of tenant a; codes resolve within the caller's tenant, so
 * "foreign" here is the other program of tenant a (TW-SUPPORT, client b), outside the integration
 * token's scope (programs.a), or an import run of tenant b.
 */
const program = (t: Target) =>
  t === 'own' ? { program: 'EN-CARE', queue: 'billing', agent: 'A1' } : { program: 'TW-SUPPORT', queue: 'tech', agent: 'B1' };
const record = (w: World, t: Target) => {
  const p = program(t);
  return {
    external_id: w.uniq(),
    program_code: p.program,
    queue_code: p.queue,
    agent_code: p.agent,
    direction: 'inbound',
    started_at: '2026-11-02T09:00:00Z',
    talk_seconds: 60
  };
};
const csv = (w: World, t: Target) => {
  const r = record(w, t);
  return `external_id,program_code,queue_code,agent_code,direction,started_at,talk_seconds\n${r.external_id},${r.program_code},${r.queue_code},${r.agent_code},inbound,2026-11-02T09:00:00Z,60\n`;
};
const importers = (own: number, integrationForeign: number, adminForeign = own) =>
  only({ admin: { own, foreign: adminForeign }, integration: { own, foreign: integrationForeign } });

async function importRun(w: World, t: Target) {
  const id = randomUUID();
  const tenantId = t === 'own' ? w.a.tenantId : w.b.tenantId;
  await w.db.insert(schema.imports).values({
    id,
    tenantId,
    kind: 'calls',
    format: 'csv',
    mode: 'skip-invalid',
    source: 'matrix',
    status: 'completed',
    errors: [],
    actor: 'token:someone-else',
    startedAt: new Date()
  });
  return id;
}

export const callsImportExpectations: Expectations = {
  'POST /api/calls/import': {
    request: (w, t) => ({
      path: '/api/calls/import?mode=all-or-nothing&source=matrix',
      body: csv(w, t),
      headers: { 'content-type': 'text/csv' }
    }),
    // the token's row of another program is a row error: all-or-nothing → 400, nothing stored
    expect: importers(200, 400)
  },
  'POST /api/calls/batch': {
    request: (w, t) => ({ path: '/api/calls/batch?mode=all-or-nothing&source=matrix', body: [record(w, t)] }),
    expect: importers(200, 400)
  },
  'POST /api/calls/webhook': {
    request: (w, t) => ({ path: '/api/calls/webhook?source=matrix', body: record(w, t) }),
    expect: importers(201, 400)
  },
  'GET /api/calls/import/template.csv': {
    request: () => ({ path: '/api/calls/import/template.csv' }),
    expect: only({ admin: 200, integration: 200 })
  },
  'GET /api/imports': {
    request: () => ({ path: '/api/imports?limit=100' }),
    expect: only({ admin: 200, integration: 200 }),
    check: (body: any, _w, _t, caller) => {
      const actors = new Set((body.items as { actor: string }[]).map((i) => i.actor));
      // a token sees only the runs it started itself (one actor: its own label)
      if (caller === 'integration' && (actors.size > 1 || actors.has('token:someone-else')))
        throw new Error(`leak: a token lists imports of others (${[...actors].join(', ')})`);
    }
  },
  'GET /api/imports/{id}': {
    // a run started by someone else: the admin of the tenant sees it, a token does not, tenant b's is not found
    request: async (w, t) => ({ path: `/api/imports/${await importRun(w, t)}` }),
    expect: only({ admin: { own: 200, foreign: 404 }, integration: 404 })
  }
};
