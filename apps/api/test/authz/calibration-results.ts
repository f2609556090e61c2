import type { Grant } from '@attentive/core';
import { calibrationSession } from '../support/calibration-session.ts';
import { ensureScorecard } from './scorecard.ts';
import { freshCall } from './fresh-call.ts';
import { only, type Expectations, type Status } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * Calibration (issue 15), the results slice: every operation × every caller × own/foreign. "Own" = a session of
 * tenant a's program a (client a: the matrix auditor's client); "foreign" = tenant b's session (404 for everyone
 * of tenant a). Support: test/support/calibration-session.ts makes sessions with participants and scores.
 * The own session is revealed, its participants the matrix QA analyst (facilitator), team lead and client auditor:
 * they read the results; the admin reads them as a manager; anyone else does not learn the session exists (404).
 * Agreed answers and notes: managers only (a participant who does not facilitate: 403).
 */
const sessions = new WeakMap<World, Partial<Record<Target, Promise<{ sessionId: number; callId: number }>>>>();

function revealedSession(w: World, t: Target) {
  const mine = sessions.get(w) ?? {};
  sessions.set(w, mine);
  mine[t] ??= (async () => {
    const o = t === 'own' ? w.a : w.b;
    await ensureScorecard(w, o.tenantId);
    const call = await freshCall(w, t, 'calibration-results');
    const participants =
      t === 'own'
        ? (
            [
              ['qa_analyst', [{ role: 'qa_analyst' }]],
              ['team_lead', [{ role: 'team_lead', teamId: w.a.teams.a.id }]],
              ['client_auditor', [{ role: 'client_auditor', clientId: w.a.clients.a.id }]]
            ] as const
          ).map(([caller, grants]) => ({ personId: w.personId[caller]!, grants: grants as unknown as Grant[] }))
        : [{ personId: w.b.agents.b2.id, grants: [{ role: 'qa_analyst' }] as Grant[] }];
    const { sessionId } = await calibrationSession(w.db, {
      tenantId: o.tenantId,
      programId: o.programs.a.id,
      callIds: [call.id],
      facilitatorId: participants[0]!.personId,
      participants,
      scores: participants.map((_, i) => ({ [call.id]: { greeting: i % 2 ? 'no' : 'yes' } })),
      revealed: true
    });
    return { sessionId, callId: call.id };
  })();
  return mine[t]!;
}

const ok: Status = { own: 200, foreign: 404 };
const hidden: Status = 404;
const refused: Status = { own: 403, foreign: 404 };
const readers = { admin: ok, qa_analyst: ok, team_lead: ok, client_auditor: ok };
const facilitators = { admin: ok, qa_analyst: ok, team_lead: refused, client_auditor: refused };

/** No evaluator of tenant b is ever listed. */
const ownEvaluatorsOnly = (body: unknown, w: World) => {
  const foreign = new Set(Object.values(w.b.agents).map((a) => a.id));
  for (const e of (body as { evaluators: { personId: number }[] }).evaluators)
    if (foreign.has(e.personId)) throw new Error(`leak: foreign evaluator ${e.personId} listed`);
};

export const calibrationResultsExpectations: Expectations = {
  'GET /api/calibration/sessions/{id}/results': {
    request: async (w, t) => ({ path: `/api/calibration/sessions/${(await revealedSession(w, t)).sessionId}/results` }),
    expect: only(readers, hidden)
  },
  'PUT /api/calibration/sessions/{id}/calls/{callId}/consensus': {
    request: async (w, t) => {
      const s = await revealedSession(w, t);
      return {
        path: `/api/calibration/sessions/${s.sessionId}/calls/${s.callId}/consensus`,
        body: { items: [{ itemId: 'greeting', answer: 'yes', basis: 'consensus', note: 'matrix' }] }
      };
    },
    expect: only(facilitators, hidden)
  },
  'PUT /api/calibration/sessions/{id}/notes': {
    request: async (w, t) => ({
      path: `/api/calibration/sessions/${(await revealedSession(w, t)).sessionId}/notes`,
      body: { notes: 'Discussed greeting' }
    }),
    expect: only(facilitators, hidden)
  },
  'GET /api/calibration/evaluators': {
    request: async (w, t) => (await revealedSession(w, t), { path: '/api/calibration/evaluators' }),
    expect: only({ admin: 200, qa_analyst: 200, team_lead: 200, client_auditor: 200 }),
    check: ownEvaluatorsOnly
  }
};
