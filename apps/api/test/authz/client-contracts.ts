import { schema } from '@attentive/db';
import { only, type Expectations, type Status } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * The client's audit (issue 17), contract terms: every operation × caller × own/foreign. "Own" = program a of
 * tenant a (client a, the matrix auditor's client); "foreign" = program a of tenant b (404 for everyone of
 * tenant a). Admins read and write every program; the client auditor reads its client's; everyone else has no
 * portal (403). Another client's program of the same tenant for the auditor: client-contracts.test.ts.
 */
const programOf = (w: World, t: Target) => (t === 'own' ? w.a : w.b).programs.a.id;
const ok = (n: number): Status => ({ own: n, foreign: 404 });
const target = { metric: 'qa_score', target: 80, step: 1, maxSteps: 1, money: { kind: 'amount', bonusPerStep: 100, malusPerStep: 100 } };

// Every write gets its own year, so no two versions of the matrix overlap (a 409 would hide the cell's status).
let year = 2200;
/** A closed version of side t's program, written straight to the table, for the end cells to end. */
async function versionOf(w: World, t: Target) {
  const side = t === 'own' ? w.a : w.b;
  const y = ++year;
  const [row] = await w.db
    .insert(schema.contractTerms)
    .values({
      tenantId: side.tenantId,
      programId: side.programs.a.id,
      version: y,
      validFrom: `${y}-01`,
      validTo: `${y}-12`,
      monthlyFeeCents: 100_000,
      targets: [target as never],
      createdBy: 'matrix'
    })
    .returning();
  return row!;
}

export const clientContractsExpectations: Expectations = {
  'GET /api/client/contracts': {
    request: () => ({ path: '/api/client/contracts' }),
    expect: only({ admin: 200, client_auditor: 200 }),
    check: (body, w) => {
      const listed = (body as { items: { program: { id: number } }[] }).items.map((i) => i.program.id);
      for (const id of [w.b.programs.a.id, w.b.programs.b.id])
        if (listed.includes(id)) throw new Error(`leak: foreign program ${id} listed`);
    }
  },
  'GET /api/client/programs/{programId}/contract': {
    request: (w, t) => ({ path: `/api/client/programs/${programOf(w, t)}/contract` }),
    expect: only({ admin: ok(200), client_auditor: ok(200) })
  },
  'POST /api/client/programs/{programId}/contract': {
    request: (w, t) => {
      const y = ++year;
      return {
        path: `/api/client/programs/${programOf(w, t)}/contract`,
        body: { validFrom: `${y}-01`, validTo: `${y}-12`, monthlyFeeCents: 100_000, targets: [target] }
      };
    },
    expect: only({ admin: ok(201) })
  },
  'POST /api/client/programs/{programId}/contract/{version}/end': {
    request: async (w, t) => {
      const v = await versionOf(w, t);
      return { path: `/api/client/programs/${v.programId}/contract/${v.version}/end`, body: { validTo: `${v.validFrom.slice(0, 4)}-06` } };
    },
    expect: only({ admin: ok(200) })
  }
};
