import { and, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { EvaluatorDriftQuery, type EvaluatorDrift } from '@attentive/shared/calibration-results';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { parseInput } from '../input.ts';
import { evaluatorStatsScope } from '../policy/calibration.ts';
import { evaluatorDeviations, itemsOf } from './agreement-compute.ts';
import { indexAgreed, indexAnswers, submittedAnswers } from './get-session-results.ts';
import { driftOf } from './drift-trend.ts';

const DAY = 86_400_000;
const TOP_ITEMS = 3;

/** The period: `from`..`to` (UTC days, inclusive); default the 12 months up to today. */
function periodOf(q: EvaluatorDriftQuery, now: Date) {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - 365 * DAY).toISOString().slice(0, 10);
  if (from > to) throw invalid(`from (${from}) is after to (${to})`, [{ path: 'from', message: `from (${from}) is after to (${to})` }]);
  return { from, to, start: new Date(`${from}T00:00:00Z`), end: new Date(Date.parse(`${to}T00:00:00Z`) + DAY) };
}

/**
 * Each evaluator's deviation from the agreed answers per revealed session of the period that has agreed answers,
 * oldest → newest, the drift word, and the items it deviates most on. Managers see every evaluator; a participant
 * only itself (evaluatorStatsScope); nobody else (403). One query per table, whatever the number of sessions.
 */
export async function getEvaluatorDrift({ ctx, input }: { ctx: Ctx; input: z.input<typeof EvaluatorDriftQuery> }): Promise<EvaluatorDrift> {
  const p = ctx.principal;
  const scope = evaluatorStatsScope(p);
  if (!scope) throw forbidden('Calibration figures are for the evaluators and their managers');
  const q = parseInput(EvaluatorDriftQuery, input);
  const period = periodOf(q, ctx.now ? ctx.now() : new Date());
  const db = ctx.db;
  const self = scope === 'all' ? null : scope.personId;

  const sessionsQuery = db
    .select({ session: schema.calibrationSessions, definition: schema.scorecardVersions.definition })
    .from(schema.calibrationSessions)
    .innerJoin(schema.scorecardVersions, eq(schema.scorecardVersions.id, schema.calibrationSessions.scorecardVersionId));
  const inPeriod = and(
    eq(schema.calibrationSessions.tenantId, p.tenantId),
    isNotNull(schema.calibrationSessions.revealedAt),
    gte(schema.calibrationSessions.revealedAt, period.start),
    lt(schema.calibrationSessions.revealedAt, period.end)
  );
  const sessions = (
    self === null
      ? await sessionsQuery.where(inPeriod)
      : await sessionsQuery
          .innerJoin(schema.calibrationParticipants, eq(schema.calibrationParticipants.sessionId, schema.calibrationSessions.id))
          .where(and(inPeriod, eq(schema.calibrationParticipants.personId, self)))
  ).sort((a, b) => a.session.revealedAt!.getTime() - b.session.revealedAt!.getTime() || a.session.id - b.session.id);
  const ids = sessions.map((s) => s.session.id);
  const empty: EvaluatorDrift = { from: period.from, to: period.to, scope: self === null ? 'all' : 'self', evaluators: [] };
  if (ids.length === 0) return empty;

  const [consensus, participants, calls, answers] = await Promise.all([
    db.select().from(schema.calibrationConsensus).where(inArray(schema.calibrationConsensus.sessionId, ids)),
    db
      .select({
        sessionId: schema.calibrationParticipants.sessionId,
        personId: schema.calibrationParticipants.personId,
        name: schema.people.name
      })
      .from(schema.calibrationParticipants)
      .innerJoin(schema.people, eq(schema.people.id, schema.calibrationParticipants.personId))
      .where(inArray(schema.calibrationParticipants.sessionId, ids)),
    db.select().from(schema.calibrationCalls).where(inArray(schema.calibrationCalls.sessionId, ids)),
    submittedAnswers(db, ids)
  ]);
  const bySession = <T extends { sessionId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.sessionId, [...(m.get(r.sessionId) ?? []), r]);
    return m;
  };
  const consensusOf = bySession(consensus);
  const participantsOf = bySession(participants);
  const callsOf = bySession(calls);
  const answersOf = bySession(answers);

  type Row = EvaluatorDrift['evaluators'][number];
  const evaluators = new Map<number, Row & { itemSums: Map<string, { n: number; sum: number; sumAbs: number; text: string }> }>();
  for (const { session, definition } of sessions) {
    const agreedRows = consensusOf.get(session.id) ?? [];
    if (agreedRows.length === 0) continue;
    const def = definition as ScorecardDefinition;
    const textOf = new Map(itemsOf(def).map((it) => [it.id, it.text]));
    const people = (participantsOf.get(session.id) ?? []).filter((r) => self === null || r.personId === self);
    const deviations = evaluatorDeviations({
      sessionId: session.id,
      definition: def,
      participantIds: people.map((r) => r.personId),
      callIds: (callsOf.get(session.id) ?? []).map((c) => c.callId),
      submitted: indexAnswers(answersOf.get(session.id) ?? []),
      agreed: indexAgreed(agreedRows)
    });
    for (const d of deviations) {
      if (!d.items) continue;
      const name = people.find((r) => r.personId === d.personId)?.name ?? `#${d.personId}`;
      let e = evaluators.get(d.personId);
      if (!e) {
        e = { personId: d.personId, name, sessions: [], slope: null, drift: null, topItems: [], itemSums: new Map() };
        evaluators.set(d.personId, e);
      }
      e.sessions.push({
        sessionId: session.id,
        title: session.title,
        revealedAt: session.revealedAt!.toISOString(),
        itemsCompared: d.items.n,
        items: d.items,
        overall: d.overall
      });
      // Item ids are kept across scorecard versions, so an item's deviations add up over sessions.
      for (const it of d.byItem) {
        const acc = e.itemSums.get(it.itemId) ?? { n: 0, sum: 0, sumAbs: 0, text: textOf.get(it.itemId) ?? it.itemId };
        acc.n += it.n;
        acc.sum += it.mean * it.n;
        acc.sumAbs += it.meanAbs * it.n;
        acc.text = textOf.get(it.itemId) ?? acc.text;
        e.itemSums.set(it.itemId, acc);
      }
    }
  }
  const out = [...evaluators.values()]
    .map(({ itemSums, ...e }) => ({
      ...e,
      ...driftOf(e.sessions.map((s) => s.items!.mean)),
      topItems: [...itemSums.entries()]
        .map(([itemId, a]) => ({ itemId, text: a.text, n: a.n, mean: a.sum / a.n, meanAbs: a.sumAbs / a.n }))
        .filter((i) => i.meanAbs > 0)
        .sort((a, b) => b.meanAbs - a.meanAbs || a.itemId.localeCompare(b.itemId))
        .slice(0, TOP_ITEMS)
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.personId - b.personId);
  return { ...empty, evaluators: out };
}
