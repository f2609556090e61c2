import { only, type Expectations, type Status } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * Mystery calls (issue 13): reachability and scenario results, read per program. "Own" = program a of
 * tenant a (client a, the matrix auditor's client); "foreign" = program a of tenant b, which does not exist
 * for anyone of tenant a (404). Admins, QA analysts and team leads read every program of their tenant, the
 * client auditor its own client's; agents, shoppers, survey callers and API tokens are refused (403).
 * A client auditor asking for another client's program of its own tenant: mystery-reachability.test.ts.
 */
const programOf = (w: World, t: Target) => (t === 'own' ? w.a : w.b).programs.a.id;
const ok: Status = { own: 200, foreign: 404 };
const readers = only({ admin: ok, qa_analyst: ok, team_lead: ok, client_auditor: ok });

/** No leak: the programs listed for the filter are all of tenant a. */
const ownProgramsOnly = (body: unknown, w: World) => {
  const listed = (body as { programs: { id: number }[] }).programs.map((p) => p.id);
  const foreign = new Set([w.b.programs.a.id, w.b.programs.b.id]);
  for (const id of listed) if (foreign.has(id)) throw new Error(`leak: foreign program ${id} listed`);
};

export const mysteryReachabilityExpectations: Expectations = {
  'GET /api/mystery/reachability': {
    request: (w, t) => ({ path: `/api/mystery/reachability?programId=${programOf(w, t)}` }),
    expect: readers,
    check: ownProgramsOnly
  },
  'GET /api/mystery/reachability/imported': {
    request: (w, t) => ({ path: `/api/mystery/reachability/imported?programId=${programOf(w, t)}` }),
    expect: readers,
    check: ownProgramsOnly
  },
  'GET /api/mystery/scenario-results': {
    request: (w, t) => ({ path: `/api/mystery/scenario-results?programId=${programOf(w, t)}` }),
    expect: readers,
    check: ownProgramsOnly
  }
};
