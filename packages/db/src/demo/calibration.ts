import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Db } from '../client.ts';
import { callTranscripts, calls } from '../schema/calls.ts';
import { people, programs } from '../schema/org.ts';
import { calibrationSessions } from '../schema/calibration.ts';
import { scorecardVersions } from '../schema/scorecards.ts';
import { DEMO_EMAIL_DOMAIN } from './accounts.ts';
import { answersFor, skillOf } from './coaching.ts';
import { createRng, type Rng } from './prng.ts';

const DAY_MS = 86_400_000;

/** The demo's calibration program, its facilitator and its evaluators: QA, the program's two leads and a neighbour, the client's auditor. */
export const DEMO_CALIBRATION = {
  program: 'EN-CARE',
  facilitator: 'QA01',
  participants: ['QA01', 'TL01', 'TL02', 'TL03', 'CA-ENERGY'],
  /** Revealed monthly sessions before the open one, oldest first. */
  pastSessions: 5,
  callsPerSession: 5
} as const;

/**
 * How each demo evaluator departs from what the group later agrees on: `lenient` turns that share of agreed "no"
 * answers into "yes" (and a scale or choice one step up), `strict` the other way. TL01 starts lenient and learns
 * session by session — the drift the evaluators page shows; TL02 stays strict.
 */
const BIAS: Record<string, (session: number) => { lenient: number; strict: number }> = {
  QA01: () => ({ lenient: 0.03, strict: 0.03 }),
  TL01: (s) => ({ lenient: Math.max(0.04, 0.5 - 0.11 * s), strict: 0.02 }),
  TL02: () => ({ lenient: 0.02, strict: 0.3 }),
  TL03: () => ({ lenient: 0.12, strict: 0.1 }),
  'CA-ENERGY': () => ({ lenient: 0.04, strict: 0.18 })
};

/**
 * Calibration sessions for the demo program, made through the product's own verbs (create, THE score writer,
 * reveal, THE consensus writer), so the figures are what the product computes: five monthly sessions, revealed,
 * with agreed answers (the "truth" each evaluator's bias is applied to), and this week's open session where QA01
 * has scored everything, TL02 part, and TL01 (tl01@) and the auditor still have to score. Does nothing when the
 * tenant already has a session.
 */
export async function seedDemoCalibration(db: Db, tenantId: number, now: Date) {
  const { createCalibrationSession } = await import('@attentive/core/calibration/create-session');
  const { saveCalibrationScore } = await import('@attentive/core/calibration/save-calibration-score');
  const { revealSession } = await import('@attentive/core/calibration/reveal-session');
  const { recordConsensus } = await import('@attentive/core/calibration/record-consensus');
  const { grantsOfPerson } = await import('@attentive/core/access/load-principal');

  const has = await db
    .select({ id: calibrationSessions.id })
    .from(calibrationSessions)
    .where(eq(calibrationSessions.tenantId, tenantId))
    .limit(1);
  if (has.length) return { sessions: 0 };
  const [program] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.tenantId, tenantId), eq(programs.code, DEMO_CALIBRATION.program)));
  const staff = await db
    .select({ id: people.id, code: people.code, email: people.email })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.code, [...DEMO_CALIBRATION.participants])));
  if (!program || staff.length !== DEMO_CALIBRATION.participants.length) return { sessions: 0 };
  const byCode = new Map(staff.map((s) => [s.code, s]));
  const principals = new Map(
    await Promise.all(
      staff.map(
        async (s) =>
          [
            s.code,
            {
              kind: 'user' as const,
              tenantId,
              label: `user:${s.email ?? `${s.code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`}`,
              personId: s.id,
              grants: await grantsOfPerson(db, s.id)
            }
          ] as const
      )
    )
  );
  const ctxOf = (code: string, at: Date) => ({ db, principal: principals.get(code)!, now: () => at });
  const rng = createRng(`calibration:${tenantId}`);
  const participantIds = DEMO_CALIBRATION.participants.map((c) => byCode.get(c)!.id);

  let sessions = 0;
  for (let s = 0; s <= DEMO_CALIBRATION.pastSessions; s++) {
    const open = s === DEMO_CALIBRATION.pastSessions;
    // Every two weeks over the demo's 90 days of calls; the open one made 2 days ago, due in 5 days.
    const createdAt = new Date(now.getTime() - ((DEMO_CALIBRATION.pastSessions - s) * 14 + 2) * DAY_MS);
    // The open session's participants listen to the calls: it takes recorded ones from the whole demo period.
    const picked = await pickCalls(db, program.id, createdAt, open ? 90 : 14, rng);
    if (picked.length < 2) continue;
    const created = await createCalibrationSession({
      ctx: ctxOf(DEMO_CALIBRATION.facilitator, createdAt),
      input: {
        programId: program.id,
        title: open ? 'Calibration this week' : `Calibration ${createdAt.toISOString().slice(0, 10)}`,
        deadline: new Date(createdAt.getTime() + 7 * DAY_MS).toISOString(),
        participantIds,
        calls: { mode: 'chosen', callIds: picked.map((c) => c.id) }
      }
    });
    const sessionId = created.id;
    sessions++;
    const [session] = await db
      .select({ versionId: calibrationSessions.scorecardVersionId })
      .from(calibrationSessions)
      .where(eq(calibrationSessions.id, sessionId));
    const [version] = await db
      .select({ definition: scorecardVersions.definition })
      .from(scorecardVersions)
      .where(eq(scorecardVersions.id, session!.versionId));
    const definition = version!.definition as ScorecardDefinition;
    // What the group agrees on: the answers the agent's skill earns (as the coaching demo scores it).
    const truth = new Map(picked.map((c) => [c.id, answersFor(definition, skillOf(c.agentCode, rng), s, rng)]));
    const scoredAt = new Date(createdAt.getTime() + 2 * DAY_MS);
    for (const code of DEMO_CALIBRATION.participants) {
      // The open session: QA01 has scored all, TL02 two calls, TL01 / TL03 / the auditor nothing yet.
      const upTo = !open ? picked.length : code === 'QA01' ? picked.length : code === 'TL02' ? 2 : 0;
      for (const c of picked.slice(0, upTo))
        await saveCalibrationScore({
          ctx: ctxOf(code, scoredAt),
          input: { sessionId, callId: c.id, answers: biased(definition, truth.get(c.id)!, BIAS[code]!(s), rng), submit: true }
        });
    }
    if (open) continue;
    const revealedAt = new Date(createdAt.getTime() + 7 * DAY_MS + 3_600_000);
    await revealSession({ ctx: ctxOf(DEMO_CALIBRATION.facilitator, revealedAt), input: { sessionId } });
    for (const c of picked)
      await recordConsensus({
        ctx: ctxOf(DEMO_CALIBRATION.facilitator, revealedAt),
        input: {
          sessionId,
          callId: c.id,
          // Every item gets a row, unanswered ones as null: the agreed answers then form a complete scoring.
          items: definition.sections
            .flatMap((sec) => sec.items)
            .map((item) => ({ itemId: item.id, answer: truth.get(c.id)![item.id] ?? null, basis: 'consensus' as const, note: '' }))
        }
      });
  }
  return { sessions };
}

/**
 * Calls of the program in the `days` before `at` that can be listened to or read: recorded ones first, then ones
 * with a transcript, then any (a session is scored on what the call left behind).
 */
async function pickCalls(db: Db, programId: number, at: Date, days: number, rng: Rng) {
  const rows = await db
    .select({ id: calls.id, agentCode: people.code, recorded: calls.recordingPath, transcript: callTranscripts.callId })
    .from(calls)
    .innerJoin(people, eq(people.id, calls.agentId))
    .leftJoin(callTranscripts, eq(callTranscripts.callId, calls.id))
    .where(and(eq(calls.programId, programId), gte(calls.startedAt, new Date(at.getTime() - days * DAY_MS)), lt(calls.startedAt, at)))
    .orderBy(asc(calls.id));
  const want = DEMO_CALIBRATION.callsPerSession;
  const out: typeof rows = [];
  for (const pool of [rows.filter((r) => r.recorded != null), rows.filter((r) => r.recorded == null && r.transcript != null), rows]) {
    const left = pool.filter((r) => !out.includes(r));
    while (out.length < want && left.length) out.push(left.splice(Math.floor(rng.next() * left.length), 1)[0]!);
  }
  return out;
}

/** An evaluator's answers: the agreed ones, each turned a step up (lenient) or down (strict) with the bias's chance. */
function biased(
  definition: ScorecardDefinition,
  truth: Record<string, string | number>,
  bias: { lenient: number; strict: number },
  rng: Rng
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const section of definition.sections)
    for (const item of section.items) {
      const agreed = truth[item.id];
      if (agreed === undefined) continue;
      // Critical items (identity, card data) are not matters of taste: the demo's evaluators agree on them.
      const step = item.critical ? 0 : rng.chance(bias.lenient) ? 1 : rng.chance(bias.strict) ? -1 : 0;
      out[item.id] = step === 0 || agreed === 'na' ? agreed : stepAnswer(item.answer, agreed, step);
    }
  return out;
}

function stepAnswer(answer: ScorecardDefinition['sections'][number]['items'][number]['answer'], value: string | number, step: 1 | -1) {
  if (answer.type === 'yes_no') return step > 0 ? 'yes' : 'no';
  if (answer.type === 'scale') return Math.max(answer.min, Math.min(answer.max, Number(value) + step));
  const options = [...answer.options].sort((a, b) => a.points - b.points);
  const i = options.findIndex((o) => o.key === value);
  return options[Math.max(0, Math.min(options.length - 1, i + step))]!.key;
}
