import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { AnswerValue } from '@attentive/shared/scorecard';
import type { CalibrationResults } from '@attentive/shared/calibration-results';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { Id, parseInput } from '../input.ts';
import { canFacilitate, canReadAnswers } from '../policy/calibration.ts';
import { loadScorecardVersion } from '../evaluations/score.ts';
import { loadReadableSession, sessionCallIds } from './load-session.ts';
import { computeAgreement, itemsOf, suggestAgreedAnswer } from './agreement-compute.ts';
import { agentNamer, textAsNamed, textAsNamedEach } from '../client-audit/pseudonym.ts';
import { resultsSealedByRescore } from './rescore-seal.ts';

export const GetSessionResultsInput = z.object({ sessionId: Id });

type AnswerRecord = Record<string, AnswerValue | null>;

/** The submitted answers of a session: participant → call → answers (drafts are not answers given). */
export async function submittedAnswers(tx: DbOrTx, sessionIds: number[]) {
  if (sessionIds.length === 0) return [];
  return tx
    .select({
      sessionId: schema.calibrationEvaluations.sessionId,
      callId: schema.calibrationEvaluations.callId,
      personId: schema.calibrationEvaluations.participantId,
      answers: schema.evaluations.answers
    })
    .from(schema.calibrationEvaluations)
    .innerJoin(schema.evaluations, eq(schema.evaluations.id, schema.calibrationEvaluations.evaluationId))
    .where(and(inArray(schema.calibrationEvaluations.sessionId, sessionIds), eq(schema.evaluations.status, 'submitted')));
}

/** Rows as the pure computation takes them: participant → call → answers, and call → item → agreed answer. */
export function indexAnswers(rows: { callId: number; personId: number; answers: unknown }[]) {
  const submitted = new Map<number, Map<number, AnswerRecord>>();
  for (const r of rows) {
    if (!submitted.has(r.personId)) submitted.set(r.personId, new Map());
    submitted.get(r.personId)!.set(r.callId, (r.answers ?? {}) as AnswerRecord);
  }
  return submitted;
}

export function indexAgreed(rows: { callId: number; itemId: string; answer: AnswerValue | null }[]) {
  const agreed = new Map<number, Map<string, AnswerValue | null>>();
  for (const r of rows) {
    if (!agreed.has(r.callId)) agreed.set(r.callId, new Map());
    agreed.get(r.callId)!.set(r.itemId, r.answer);
  }
  return agreed;
}

/**
 * A revealed session's results: per call the answers of every participant side by side, the spread, the agreed
 * answers; the agreement per item and overall; each evaluator's deviation from the agreed answers; the notes.
 * Only after the reveal (before: 409 "not revealed yet"); who may not read the session gets 404.
 */
export async function getSessionResults({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof GetSessionResultsInput>;
}): Promise<CalibrationResults> {
  const { sessionId } = parseInput(GetSessionResultsInput, input);
  const p = ctx.principal;
  const tx = ctx.db;
  const { session, facts } = await loadReadableSession(tx, p, sessionId);
  if (!canReadAnswers(p, facts))
    throw conflict(`Calibration session ${sessionId} is not revealed yet: its answers are sealed until the reveal`);

  const callIds = await sessionCallIds(tx, sessionId);
  const sealedCall = (await resultsSealedByRescore(tx, p, [sessionId])).get(sessionId);
  if (sealedCall != null)
    throw conflict(
      `Calibration session ${sessionId} holds call ${sealedCall}, which your blind re-score has not scored yet: its results open once you have submitted that score`
    );
  const version = await loadScorecardVersion(tx, p.tenantId, session.scorecardVersionId);
  const definition = version.definition;
  const [program] = await tx.select({ name: schema.programs.name }).from(schema.programs).where(eq(schema.programs.id, session.programId));
  const personIds = [...facts.participantIds, session.facilitatorId];
  const people = await tx
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(inArray(schema.people.id, personIds));
  const nameOf = new Map(people.map((r) => [r.id, r.name]));
  const callRows = callIds.length
    ? await tx
        .select({ id: schema.calls.id, startedAt: schema.calls.startedAt, agentId: schema.people.id, agentName: schema.people.name })
        .from(schema.calls)
        .innerJoin(schema.people, eq(schema.people.id, schema.calls.agentId))
        .where(inArray(schema.calls.id, callIds))
    : [];
  // The calls' agents as this reader names them (pseudonyms for a client that chose them); evaluators keep their names.
  const named = await agentNamer(ctx);
  const callOf = new Map(
    callRows.map((c) => [
      c.id,
      {
        ...c,
        agentName: named({ id: c.agentId, name: c.agentName }).name,
        asNamed: textAsNamed(named, { id: c.agentId, name: c.agentName })
      }
    ])
  );
  // Notes are written about the calls: under a pseudonym the agents' names in them become the pseudonyms.
  const notesAsNamed = textAsNamedEach(
    named,
    callRows.map((c) => ({ id: c.agentId, name: c.agentName }))
  );
  const submitted = indexAnswers(await submittedAnswers(tx, [sessionId]));
  const consensus = await tx.select().from(schema.calibrationConsensus).where(eq(schema.calibrationConsensus.sessionId, sessionId));
  const agreed = indexAgreed(consensus);
  const agreedRow = new Map(consensus.map((r) => [`${r.callId}:${r.itemId}`, r]));

  const figures = computeAgreement({ sessionId, definition, participantIds: facts.participantIds, callIds, submitted, agreed });
  const participants = [...facts.participantIds]
    .sort((a, b) => a - b)
    .map((personId) => ({ personId, name: nameOf.get(personId) ?? `#${personId}` }));
  const figuresOfCall = new Map(figures.calls.map((c) => [c.callId, c]));
  const figuresOfItem = new Map(figures.items.map((i) => [i.itemId, i.agreement]));
  const items = itemsOf(definition);
  const sectionOf = new Map(definition.sections.flatMap((s) => s.items.map((it) => [it.id, s.title] as const)));

  return {
    session: {
      id: session.id,
      title: session.title,
      programName: program?.name ?? '',
      facilitatorName: nameOf.get(session.facilitatorId) ?? '',
      revealedAt: session.revealedAt!.toISOString(),
      notes: notesAsNamed(session.notes)
    },
    canRecordConsensus: canFacilitate(p, facts),
    participants,
    items: items.map((it) => ({
      itemId: it.id,
      sectionTitle: sectionOf.get(it.id) ?? '',
      text: it.text,
      answer: it.answer,
      naAllowed: it.naAllowed,
      agreement: figuresOfItem.get(it.id)!
    })),
    overall: figures.overall,
    // In the order the participants saw the calls (the figures are order-free).
    calls: callIds.map((callId) => {
      const f = figuresOfCall.get(callId)!;
      const call = callOf.get(callId);
      return {
        callId,
        agentName: call?.agentName ?? '',
        startedAt: call ? call.startedAt.toISOString() : '',
        scores: f.scores,
        spread: f.spread,
        agreedScore: f.agreedScore,
        items: items.map((it) => {
          const answers = participants.map(({ personId }) => ({
            personId,
            value: (submitted.get(personId)?.get(callId)?.[it.id] ?? null) as AnswerValue | null
          }));
          const row = agreedRow.get(`${callId}:${it.id}`);
          return {
            itemId: it.id,
            answers,
            suggestion: suggestAgreedAnswer(
              it,
              answers.map((a) => a.value)
            ),
            agreed: row
              ? {
                  answer: row.answer,
                  basis: row.basis,
                  note: call ? call.asNamed(row.note) : row.note,
                  decidedBy: row.decidedBy,
                  decidedAt: row.decidedAt.toISOString()
                }
              : null
          };
        })
      };
    }),
    evaluators: figures.evaluators.map((e) => ({ ...e, name: nameOf.get(e.personId) ?? `#${e.personId}` }))
  };
}
