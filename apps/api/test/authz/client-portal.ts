import { noForeignIds, only, type Expectations, type Status } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * The client portal (issue 17): a client's home, a program's teams and sample runs. "Own" = client a /
 * program a of tenant a (the matrix auditor's client); "foreign" = the same of tenant b (404 for everyone of
 * tenant a). Admins read every client, the client auditor its own; everyone else, and API tokens, 403.
 * Another client of the auditor's own tenant (404 too): client-portal.test.ts.
 */
const tenantOf = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
const ok: Status = { own: 200, foreign: 404 };
const readers = only({ admin: ok, client_auditor: ok });

export const clientPortalExpectations: Expectations = {
  'GET /api/client/clients': {
    request: () => ({ path: '/api/client/clients' }),
    expect: only({ admin: 200, client_auditor: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [w.b.clients.a.id, w.b.clients.b.id]
    )
  },
  'GET /api/client/home': {
    request: (w, t) => ({ path: `/api/client/home?clientId=${tenantOf(w, t).clients.a.id}&month=2026-11` }),
    expect: readers
  },
  'GET /api/client/programs/{programId}/teams': {
    request: (w, t) => ({ path: `/api/client/programs/${tenantOf(w, t).programs.a.id}/teams?month=2026-11` }),
    expect: readers
  },
  'GET /api/client/programs/{programId}/sample-runs': {
    request: (w, t) => ({ path: `/api/client/programs/${tenantOf(w, t).programs.a.id}/sample-runs` }),
    expect: readers
  }
};
