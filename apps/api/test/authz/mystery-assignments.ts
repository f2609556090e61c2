import { schema } from '@attentive/db';
import { eq } from 'drizzle-orm';
import { mysteryAssignment } from '../support/mystery-assignment.ts';
import { noForeignIds, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Mystery calls (issue 13): assignments, the shopper's form, matching. "Own" = an assignment of the matrix
 * shopper in tenant a (program a); "foreign" = an assignment of a shopper of tenant b. Admins and QA
 * analysts manage and read everything of their tenant; the shopper works its own assignments; everyone
 * else finds nothing (404) or may not list (403). Another shopper's assignment in the same tenant is
 * tested in mystery-calls.test.ts.
 */
const foreignShopper = new WeakMap<World, number>();
async function shopperOf(w: World, t: Target) {
  if (t === 'own') return w.personId.mystery_shopper!;
  let id = foreignShopper.get(w);
  if (id == null) {
    const [p] = await w.db
      .insert(schema.people)
      .values({ tenantId: w.b.tenantId, code: `MS-${w.uniq()}`, name: 'Foreign shopper' })
      .returning({ id: schema.people.id });
    await w.db.insert(schema.roleAssignments).values({ tenantId: w.b.tenantId, personId: p!.id, role: 'mystery_shopper' });
    id = p!.id;
    foreignShopper.set(w, id);
  }
  return id;
}

const foreignAssignments = perWorld('mystery.foreignAssignments', () => new Set<number>());
async function assignment(w: World, t: Target) {
  const o = t === 'own' ? w.a : w.b;
  const { assignment: a } = await mysteryAssignment(w.db, {
    tenantId: o.tenantId,
    programId: o.programs.a.id,
    shopperId: await shopperOf(w, t)
  });
  if (t === 'foreign') foreignAssignments(w).add(a.id);
  return a;
}

/** A recorded, answered mystery call (stored directly: the form itself is the record cell's subject). */
const foreignMysteryCalls = perWorld('mystery.foreignCalls', () => new Set<number>());
async function mysteryCall(w: World, t: Target) {
  const o = t === 'own' ? w.a : w.b;
  const a = await assignment(w, t);
  const [version] = await w.db.select().from(schema.scorecardVersions).where(eq(schema.scorecardVersions.status, 'published')).limit(1);
  const [e] = await w.db
    .insert(schema.evaluations)
    .values({
      tenantId: o.tenantId,
      programId: a.programId,
      scorecardVersionId: version!.id,
      evaluatorId: a.shopperId,
      evaluatorLabel: 'matrix:shopper',
      kind: 'mystery',
      status: 'submitted',
      revision: 1,
      answers: {},
      submittedAt: new Date(),
      updatedAt: new Date()
    })
    .returning();
  const [mc] = await w.db
    .insert(schema.mysteryCalls)
    .values({
      tenantId: o.tenantId,
      assignmentId: a.id,
      programId: a.programId,
      scenarioVersionId: a.scenarioVersionId,
      shopperId: a.shopperId,
      dialledAt: new Date(Date.now() - 60_000),
      outcome: 'answered',
      answeredAt: new Date(Date.now() - 30_000),
      resolved: true,
      rightAnswerGiven: true,
      opportunityTaken: false,
      evaluationId: e!.id,
      updatedAt: new Date()
    })
    .returning();
  await w.db.update(schema.mysteryAssignments).set({ status: 'completed' }).where(eq(schema.mysteryAssignments.id, a.id));
  if (t === 'foreign') foreignMysteryCalls(w).add(mc!.id);
  return mc!;
}

const managers = (own: number) => ({ admin: { own, foreign: 404 }, qa_analyst: { own, foreign: 404 } });
/** Managers read; the own shopper reads its own; everyone else finds nothing. */
const readers = only({ ...managers(200), mystery_shopper: { own: 200, foreign: 404 } }, 404);
const report = {
  dialledAt: new Date(Date.now() - 120_000).toISOString(),
  outcome: 'never_answered' as const,
  menuSteps: 1,
  menuChoices: ['1']
};

export const mysteryAssignmentsExpectations: Expectations = {
  'GET /api/mystery/assignments/mine': {
    request: async (w) => (await assignment(w, 'foreign'), { path: '/api/mystery/assignments/mine' }),
    expect: only({ mystery_shopper: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignAssignments(w)]
    )
  },
  'GET /api/mystery/assignments': {
    request: async (w) => (await assignment(w, 'foreign'), { path: '/api/mystery/assignments' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignAssignments(w)]
    )
  },
  'GET /api/mystery/assignments/{id}': {
    request: async (w, t) => ({ path: `/api/mystery/assignments/${(await assignment(w, t)).id}` }),
    expect: readers
  },
  'POST /api/mystery/assignments/{id}/call': {
    request: async (w, t) => ({ path: `/api/mystery/assignments/${(await assignment(w, t)).id}/call`, body: report }),
    // Managers read the assignment but only its shopper records it.
    expect: only({ ...managers(403), mystery_shopper: { own: 201, foreign: 404 } }, 404)
  },
  'GET /api/mystery/calls': {
    request: async (w) => (await mysteryCall(w, 'foreign'), { path: '/api/mystery/calls' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignMysteryCalls(w)]
    )
  },
  'GET /api/mystery/calls/{id}': {
    request: async (w, t) => ({ path: `/api/mystery/calls/${(await mysteryCall(w, t)).id}` }),
    expect: readers
  },
  'GET /api/mystery/calls/{id}/candidates': {
    request: async (w, t) => ({ path: `/api/mystery/calls/${(await mysteryCall(w, t)).id}/candidates` }),
    expect: only(managers(200))
  },
  'POST /api/mystery/calls/{id}/match': {
    request: async (w, t) => ({ path: `/api/mystery/calls/${(await mysteryCall(w, t)).id}/match`, body: { agentId: w.a.agents.a1.id } }),
    expect: only(managers(200))
  }
};
