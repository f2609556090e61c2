import { schema } from '@attentive/db';
import type { Grant } from '@attentive/core';
import { calibrationSession } from '../support/calibration-session.ts';
import { ensureScorecard } from './scorecard.ts';
import { only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Calibration (issue 15), the sessions slice: every operation × every caller × own/foreign. "Own" = a session of
 * tenant a's program a (client a: the matrix auditor's client); "foreign" = tenant b's session (404 for everyone
 * of tenant a). Support: test/support/calibration-session.ts makes sessions with participants and scores.
 * The matrix's team lead and client auditor take part in the own sessions; the other callers do not.
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
const DAY = 86_400_000;

/** Own sessions: the matrix's team lead and client auditor take part. */
const participants = (w: World): { personId: number; grants: Grant[] }[] => [
  { personId: w.personId.team_lead!, grants: [{ role: 'team_lead', teamId: w.a.teams.a.id }] },
  { personId: w.personId.client_auditor!, grants: [{ role: 'client_auditor', clientId: w.a.clients.a.id }] }
];

/** Tenant b's QA analyst (a person only: nobody signs in as it), who facilitates and takes part in b's sessions. */
const foreignQa = perWorld('calibration.foreignQa', () => ({ id: undefined as Promise<number> | undefined }));
const foreignQaOf = (w: World) =>
  (foreignQa(w).id ??= w.db
    .insert(schema.people)
    .values({ tenantId: w.b.tenantId, code: `MQ-${w.uniq()}`, name: 'Matrix QA of b' })
    .returning({ id: schema.people.id })
    .then(async ([p]) => {
      await w.db.insert(schema.roleAssignments).values({ tenantId: w.b.tenantId, personId: p!.id, role: 'qa_analyst' });
      return p!.id;
    }));

/** A session of side `t` (deadline passed when `overdue`: revealable without scores). Tenant b's has no participants of a. */
async function sessionOf(w: World, t: Target, o: { overdue?: boolean } = {}) {
  const org = side(w, t);
  await ensureScorecard(w, org.tenantId);
  const callIds = org.calls
    .filter((c) => c.programId === org.programs.a.id)
    .map((c) => c.id)
    .slice(0, 2);
  const { sessionId } = await calibrationSession(w.db, {
    tenantId: org.tenantId,
    programId: org.programs.a.id,
    callIds,
    facilitatorId: t === 'own' ? w.personId.qa_analyst! : await foreignQaOf(w),
    participants: t === 'own' ? participants(w) : [{ personId: await foreignQaOf(w), grants: [{ role: 'qa_analyst' }] }],
    title: `Matrix ${w.uniq()}`,
    deadline: new Date(Date.now() + (o.overdue ? -DAY : 7 * DAY))
  });
  return sessionId;
}

const readSession = perWorld('calibration.sessions', () => new Map<Target, Promise<number>>());
const readable = (w: World, t: Target) => {
  if (!readSession(w).has(t)) readSession(w).set(t, sessionOf(w, t));
  return readSession(w).get(t)!;
};
/** Tenant b's session id once made (the list check is synchronous). */
let foreignSession = 0;

const calibrators = { admin: 200, qa_analyst: 200, team_lead: 200, client_auditor: 200 };
const own = (n: number) => ({ own: n, foreign: 404 });

export const calibrationSessionsExpectations: Expectations = {
  'GET /api/calibration/sessions': {
    request: async (w) => ((foreignSession = await readable(w, 'foreign')), { path: '/api/calibration/sessions' }),
    expect: only(calibrators),
    check: (body) => {
      const ids = (body as { items: { id: number }[] }).items.map((s) => s.id);
      if (ids.includes(foreignSession)) throw new Error(`leak: foreign session ${foreignSession} listed`);
    }
  },
  'POST /api/calibration/sessions': {
    request: async (w, t) => {
      const org = side(w, t);
      await ensureScorecard(w, org.tenantId);
      return {
        path: '/api/calibration/sessions',
        body: {
          programId: org.programs.a.id,
          title: `Matrix ${w.uniq()}`,
          deadline: new Date(Date.now() + 7 * DAY).toISOString(),
          participantIds: [w.personId.team_lead, w.personId.client_auditor],
          calls: { mode: 'chosen', callIds: [org.calls.find((c) => c.programId === org.programs.a.id)!.id] }
        }
      };
    },
    expect: only({ admin: own(201), qa_analyst: own(201) })
  },
  'GET /api/calibration/sessions/{id}': {
    request: async (w, t) => ({ path: `/api/calibration/sessions/${await readable(w, t)}` }),
    // Not a manager and not a participant: the session does not exist for it (404), agents included.
    expect: only({ admin: own(200), qa_analyst: own(200), team_lead: own(200), client_auditor: own(200) }, 404)
  },
  'POST /api/calibration/sessions/{id}/reveal': {
    request: async (w, t) => ({ path: `/api/calibration/sessions/${await sessionOf(w, t, { overdue: true })}/reveal` }),
    // Participants read the session but do not facilitate (403); everyone else does not see it (404).
    expect: only({ admin: own(200), qa_analyst: own(200), team_lead: own(403), client_auditor: own(403) }, 404)
  },
  'GET /api/calibration/options': {
    request: async (w, t) => {
      await ensureScorecard(w, side(w, t).tenantId);
      return { path: `/api/calibration/options?programId=${side(w, t).programs.a.id}` };
    },
    expect: only({ admin: own(200), qa_analyst: own(200) })
  }
};
