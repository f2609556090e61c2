import { calibrationSession } from '../support/calibration-session.ts';
import { ensureScorecard } from './scorecard.ts';
import { only, type Expectations } from './types.ts';
import type { Caller, Target, World } from './world.ts';

/**
 * Calibration (issue 15), the scoring slice: every operation × every caller × own/foreign. "Own" = a session of
 * tenant a's program a (client a: the matrix auditor's client); "foreign" = tenant b's session (404 for everyone
 * of tenant a). Support: test/support/calibration-session.ts makes sessions with participants and scores.
 *
 * The own session's participants are the matrix admin, team lead and client auditor (200 on their own score);
 * the matrix QA analyst facilitates without taking part: a manager reads the session, so 403 ("only participants
 * score"), never a score. Agents, shoppers, survey callers and tokens cannot even see a session: 404.
 */
const PARTICIPANTS = ['admin', 'team_lead', 'client_auditor'] as const satisfies Caller[];

/** A fresh session for each cell (a cell's draft never meets another's), and one of its calls. */
async function place(w: World, t: Target) {
  const org = t === 'own' ? w.a : w.b;
  await ensureScorecard(w, org.tenantId);
  const callIds = org.calls
    .filter((c) => c.programId === org.programs.a.id)
    .slice(0, 2)
    .map((c) => c.id);
  const people = t === 'own' ? PARTICIPANTS.map((c) => w.personId[c]!) : [org.agents.b1.id];
  const { sessionId } = await calibrationSession(w.db, {
    tenantId: org.tenantId,
    programId: org.programs.a.id,
    callIds,
    facilitatorId: t === 'own' ? w.personId.qa_analyst! : org.agents.b1.id,
    participants: people.map((personId) => ({ personId, grants: [] }))
  });
  return `/api/calibration/sessions/${sessionId}/calls/${callIds[1]}/score`;
}

const ok = { own: 200, foreign: 404 };
const expect = only({ ...Object.fromEntries(PARTICIPANTS.map((c) => [c, ok])), qa_analyst: { own: 403, foreign: 404 } }, 404);

export const calibrationScoringExpectations: Expectations = {
  'GET /api/calibration/sessions/{id}/calls/{callId}/score': {
    request: async (w, t) => ({ path: await place(w, t) }),
    expect,
    check: (body) => {
      // A fresh session: nobody's score is in it, least of all another's.
      if ((body as { mine: unknown }).mine !== null) throw new Error('a fresh session showed a score');
    }
  },
  'PUT /api/calibration/sessions/{id}/calls/{callId}/score': {
    request: async (w, t) => ({ path: await place(w, t), body: { answers: { greeting: 'yes' } } }),
    expect
  }
};
