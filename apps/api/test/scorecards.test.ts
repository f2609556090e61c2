import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';
import { signInAs, tokenHeaders } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let other: FixtureOrg;
const h: Record<string, Record<string, string>> = {};

const definition = (extra: object[] = []) => ({
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      items: [
        {
          id: 'greeting',
          text: 'Greets with name and company',
          guidance: 'Pass: "Good morning, Energie Noord, this is Sam."',
          answer: { type: 'yes_no' },
          weight: 2,
          dimension: 'customer_friendly'
        },
        {
          id: 'id-check',
          text: 'Verifies identity',
          answer: { type: 'yes_no' },
          weight: 1,
          dimension: 'compliance',
          critical: { class: 'compliance', failScope: 'evaluation' }
        },
        ...extra
      ]
    }
  ]
});

async function call(method: string, path: string, who: string | null, body?: unknown) {
  const headers: Record<string, string> = { ...(who ? h[who] : {}) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db);
  other = await createFixtureOrg(t.db);
  const tenantId = org.tenantId;
  h.admin = (await signInAs(app, t.db, { tenantId, grants: [{ role: 'admin' }] })).headers;
  h.qa = (await signInAs(app, t.db, { tenantId, grants: [{ role: 'qa_analyst' }] })).headers;
  h.lead = (await signInAs(app, t.db, { tenantId, grants: [{ role: 'team_lead', teamId: org.teams.a.id }] })).headers;
  // Agent One takes calls for program A only (fixture).
  h.agent = (await signInAs(app, t.db, { tenantId, personId: org.agents.a1.id, grants: [{ role: 'agent' }] })).headers;
  h.auditorA = (await signInAs(app, t.db, { tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] })).headers;
  h.auditorB = (await signInAs(app, t.db, { tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.b.id }] })).headers;
  h.foreignAdmin = (await signInAs(app, t.db, { tenantId: other.tenantId, grants: [{ role: 'admin' }] })).headers;
  h.token = (await tokenHeaders(t.db, { tenantId, programId: org.programs.a.id })).headers;
});
afterAll(() => t.cleanup());

const auditCount = async () => (await t.db.select().from(schema.auditLog)).length;
const versionRows = async () => t.db.select().from(schema.scorecardVersions);

describe('scorecards API', () => {
  let scorecardId: number;

  it('refuses a bad definition with 400 naming the item, storing nothing', async () => {
    const before = { audit: await auditCount(), versions: (await versionRows()).length };
    const bad = definition([
      { id: 'tone', text: 'Courteous tone', answer: { type: 'scale', min: 5, max: 1 }, weight: 1, dimension: 'customer_friendly' }
    ]);
    const r = await call('POST', '/scorecards', 'admin', { name: 'Care', programId: org.programs.a.id, definition: bad });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION');
    expect(r.body.error.message).toContain('item "tone"');
    expect(r.body.error.details[0].path).toBe('definition.sections.0.items.2.answer.max');
    const r2 = await call('POST', '/scorecards', 'admin', {
      name: 'Care',
      programId: org.programs.a.id,
      definition: definition([
        { id: 'empathy', text: 'Empathy', answer: { type: 'yes_no' }, weight: 'heavy', dimension: 'customer_friendly' }
      ])
    });
    expect(r2.status).toBe(400);
    expect(r2.body.error.message).toMatch(/item "empathy": weight/);
    expect({ audit: await auditCount(), versions: (await versionRows()).length }).toEqual(before);
  });

  it('creates a scorecard with draft version 1 (QA analyst), one per program', async () => {
    const r = await call('POST', '/scorecards', 'qa', { name: 'Energy care', programId: org.programs.a.id, definition: definition() });
    expect(r.status).toBe(201);
    expect(r.body.draft).toMatchObject({ version: 1, status: 'draft', revision: 1, itemCount: 2 });
    scorecardId = r.body.scorecard.id;
    const dup = await call('POST', '/scorecards', 'admin', { name: 'Again', programId: org.programs.a.id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('already has a scorecard');
  });

  it('does not let a foreign program id through', async () => {
    const r = await call('POST', '/scorecards', 'admin', { name: 'X', programId: other.programs.a.id });
    expect(r.status).toBe(404);
  });

  it('agents, client auditors, team leads and tokens cannot create or edit', async () => {
    for (const who of ['agent', 'auditorA', 'lead']) {
      expect((await call('POST', '/scorecards', who, { name: 'Mine', programId: org.programs.b.id })).status).toBe(403);
      expect((await call('PUT', `/scorecards/${scorecardId}/draft`, who, { definition: definition() })).status).toBe(403);
      expect((await call('POST', `/scorecards/${scorecardId}/publish`, who, {})).status).toBe(403);
    }
    expect((await call('POST', '/scorecards', 'token', { name: 'Mine', programId: org.programs.b.id })).status).toBe(403);
    expect((await call('GET', '/scorecards', null)).status).toBe(401);
  });

  it('drafts are invisible to non-managers before publishing', async () => {
    const lead = await call('GET', `/scorecards/${scorecardId}`, 'lead');
    expect(lead.status).toBe(200);
    expect(lead.body.draft).toBeNull();
    expect(lead.body.versions).toEqual([]);
    expect((await call('GET', `/scorecards/${scorecardId}/versions/1`, 'lead')).status).toBe(404);
  });

  it('saves the draft with optimistic concurrency', async () => {
    const ok = await call('PUT', `/scorecards/${scorecardId}/draft`, 'admin', {
      baseRevision: 1,
      definition: definition([
        { id: 'empathy', text: 'Empathy statement', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly', naAllowed: true }
      ])
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ created: false, draft: { version: 1, revision: 2, itemCount: 3 } });
    const stale = await call('PUT', `/scorecards/${scorecardId}/draft`, 'qa', { baseRevision: 1, definition: definition() });
    expect(stale.status).toBe(409);
  });

  it('publishes: the version is frozen, even against a direct database write', async () => {
    const stale = await call('POST', `/scorecards/${scorecardId}/publish`, 'admin', { revision: 1 });
    expect(stale.status).toBe(409);
    const r = await call('POST', `/scorecards/${scorecardId}/publish`, 'admin', { revision: 2, note: 'First release' });
    expect(r.status).toBe(200);
    expect(r.body.version).toMatchObject({ version: 1, status: 'published', publishedBy: expect.stringContaining('user:') });
    const again = await call('POST', `/scorecards/${scorecardId}/publish`, 'admin', {});
    expect(again.status).toBe(412);
    const [row] = await t.db.select().from(schema.scorecardVersions).where(eq(schema.scorecardVersions.id, r.body.version.id));
    await expect(
      t.db
        .update(schema.scorecardVersions)
        .set({ definition: { sections: [] } })
        .where(eq(schema.scorecardVersions.id, row!.id))
    ).rejects.toThrow();
    await expect(t.db.delete(schema.scorecardVersions).where(eq(schema.scorecardVersions.id, row!.id))).rejects.toThrow();
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'scorecard.publish'));
    expect(audit).toHaveLength(1);
  });

  it('editing a published scorecard creates a new draft version; version 1 stays as it was', async () => {
    const v1 = (await call('GET', `/scorecards/${scorecardId}/versions/1`, 'admin')).body.version;
    const r = await call('PUT', `/scorecards/${scorecardId}/draft`, 'qa', { definition: definition() });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: true, draft: { version: 2, status: 'draft', itemCount: 2 } });
    const after = (await call('GET', `/scorecards/${scorecardId}/versions/1`, 'admin')).body.version;
    expect(after).toEqual(v1);
    expect(after.itemCount).toBe(3);
    const open = await call('POST', `/scorecards/${scorecardId}/draft`, 'admin');
    expect(open.body).toMatchObject({ created: false, draft: { version: 2 } });
  });

  it('publishing refuses an empty section, naming it', async () => {
    const withEmpty = { sections: [...definition().sections, { id: 'closing', title: 'Closing', items: [] }] };
    await call('PUT', `/scorecards/${scorecardId}/draft`, 'admin', { definition: withEmpty });
    const r = await call('POST', `/scorecards/${scorecardId}/publish`, 'admin', {});
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('section "closing" has no items');
    expect((await call('GET', `/scorecards/${scorecardId}`, 'admin')).body.draft.status).toBe('draft');
  });

  it('readers: lead all published; agent and auditor of the program; the other auditor and other tenants not', async () => {
    for (const who of ['lead', 'agent', 'auditorA']) {
      const r = await call('GET', `/scorecards/${scorecardId}`, who);
      expect(r.status, who).toBe(200);
      expect(r.body.published.version).toBe(1);
      expect(r.body.draft).toBeNull();
      expect(r.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
      expect((await call('GET', '/scorecards', who)).body.scorecards.map((s: { id: number }) => s.id)).toContain(scorecardId);
    }
    for (const who of ['auditorB', 'foreignAdmin', 'token']) {
      expect((await call('GET', `/scorecards/${scorecardId}`, who)).status, who).toBe(404);
      const list = await call('GET', '/scorecards', who);
      expect(list.body.scorecards ?? [], who).toEqual([]);
    }
    expect((await call('GET', `/scorecards/${scorecardId}/versions/2`, 'agent')).status).toBe(404);
    expect((await call('PUT', `/scorecards/${scorecardId}/draft`, 'foreignAdmin', { definition: definition() })).status).toBe(404);
  });

  it('the shared default is one per tenant and readable by agents and auditors', async () => {
    const r = await call('POST', '/scorecards', 'admin', { name: 'Default', definition: definition() });
    expect(r.status).toBe(201);
    expect(r.body.scorecard.isDefault).toBe(true);
    expect((await call('POST', '/scorecards', 'admin', { name: 'Default 2' })).status).toBe(409);
    await call('POST', `/scorecards/${r.body.scorecard.id}/publish`, 'admin', {});
    expect((await call('GET', `/scorecards/${r.body.scorecard.id}`, 'auditorB')).status).toBe(200);
  });

  it('discards a draft but never version 1', async () => {
    const r = await call('DELETE', `/scorecards/${scorecardId}/draft`, 'admin');
    expect(r.status).toBe(200);
    expect(r.body.discarded).toBe(2);
    const created = await call('POST', '/scorecards', 'admin', { name: 'Telco', programId: org.programs.b.id });
    expect((await call('DELETE', `/scorecards/${created.body.scorecard.id}/draft`, 'admin')).status).toBe(412);
  });

  it('previews a score with the one formula and names bad answers', async () => {
    const ok = await call('POST', '/scorecards/score-preview', 'lead', {
      definition: definition(),
      answers: { greeting: 'no', 'id-check': 'yes' }
    });
    expect(ok.status).toBe(200);
    expect(ok.body.result.score).toBeCloseTo(100 / 3);
    expect(ok.body.result.dimensions.compliance.score).toBe(100);
    const fail = await call('POST', '/scorecards/score-preview', 'lead', {
      definition: definition(),
      answers: { greeting: 'yes', 'id-check': 'no' }
    });
    expect(fail.body.result).toMatchObject({ failed: true, score: 0, criticalErrors: { compliance: true } });
    const bad = await call('POST', '/scorecards/score-preview', 'lead', {
      definition: definition(),
      answers: { greeting: 'na', ghost: 'yes' }
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('item "greeting" does not allow N.A.');
    expect(bad.body.error.message).toContain('item "ghost" is not on this scorecard');
    const incomplete = await call('POST', '/scorecards/score-preview', 'lead', {
      definition: definition(),
      answers: { greeting: 'yes' },
      requireComplete: true
    });
    expect(incomplete.body.error.message).toContain('item "id-check" is required');
  });

  it('documents every scorecard route with the error envelope', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    for (const path of [
      '/api/scorecards',
      '/api/scorecards/{id}',
      '/api/scorecards/{id}/draft',
      '/api/scorecards/{id}/publish',
      '/api/scorecards/score-preview'
    ]) {
      expect(doc.paths[path], path).toBeDefined();
      for (const op of Object.values(doc.paths[path]) as { responses: Record<string, unknown> }[])
        expect(op.responses['400']).toBeDefined();
    }
  });
});
