import { only, type Expectations, type Status } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * The monthly contract report (issue 17): JSON, month list, CSV and PDF per program. "Own" = program a of
 * tenant a (client a, the matrix auditor's client); "foreign" = program a of tenant b (404 for everyone of
 * tenant a). Admins and the client's auditors read; every other role and API tokens are refused (403).
 * Another client's program of the same tenant for a client auditor (404): client-reports.test.ts.
 */
const programOf = (w: World, t: Target) => (t === 'own' ? w.a : w.b).programs.a.id;
const ok: Status = { own: 200, foreign: 404 };
const readers = only({ admin: ok, client_auditor: ok });
const report = (w: World, t: Target) => `/api/client/programs/${programOf(w, t)}/reports/2026-11`;

export const clientReportsExpectations: Expectations = {
  'GET /api/client/programs/{programId}/reports': {
    request: (w, t) => ({ path: `/api/client/programs/${programOf(w, t)}/reports` }),
    expect: readers,
    check: (body, w) => {
      const b = body as { program: { id: number } };
      if (b.program.id !== w.a.programs.a.id) throw new Error(`leak: program ${b.program.id}`);
    }
  },
  'GET /api/client/programs/{programId}/reports/{month}': {
    request: (w, t) => ({ path: report(w, t) }),
    expect: readers,
    check: (body, w) => {
      const b = body as { program: { id: number } };
      if (b.program.id !== w.a.programs.a.id) throw new Error(`leak: program ${b.program.id}`);
    }
  },
  'GET /api/client/programs/{programId}/reports/{month}.csv': {
    request: (w, t) => ({ path: `${report(w, t)}.csv` }),
    expect: readers
  },
  'GET /api/client/programs/{programId}/reports/{month}.pdf': {
    request: (w, t) => ({ path: `${report(w, t)}.pdf?lang=en` }),
    expect: readers
  }
};
