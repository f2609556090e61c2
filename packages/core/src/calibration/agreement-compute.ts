import type { AnswerValue, ScorecardDefinition, ScorecardItem } from '@attentive/shared/scorecard';
import type { AgreementFigures, AgreementReason, DeviationFigures } from '@attentive/shared/calibration-results';
import { deviationFromConsensus, fleissCountsOf, fleissKappa, krippendorffAlpha, percentAgreement } from '../stats/agreement.ts';
import { alphaBootstrapInterval } from '../stats/agreement-bootstrap.ts';
import { ALPHA_TENTATIVE, agreementBand, kappaBand, levelOfItem } from '../stats/agreement-bands.ts';
import { answerFraction, computeScore } from '../scoring/compute-score.ts';

/**
 * The figures of a revealed calibration session, from its answers alone (docs/calibration-results.md). PURE: no
 * database, no clock, so the unit and property tests check it directly. Calls and participants are sorted by id
 * first, so the order they come in changes nothing (not even the bootstrap interval, whose seed is the session's).
 */

type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;

export type AgreementComputeInput = {
  sessionId: number;
  definition: ScorecardDefinition;
  participantIds: readonly number[];
  callIds: readonly number[];
  /** Submitted answers: participant id → call id → answers. Drafts and missing scores are absent. */
  submitted: ReadonlyMap<number, ReadonlyMap<number, Answers>>;
  /** Agreed answers: call id → item id → answer (null: recorded as "no agreed answer"). */
  agreed: ReadonlyMap<number, ReadonlyMap<string, AnswerValue | null>>;
};

export type CallFigures = {
  callId: number;
  scores: { personId: number; score: number | null }[];
  spread: number | null;
  agreedScore: number | null;
};

export type AgreementComputeResult = {
  items: { itemId: string; agreement: AgreementFigures }[];
  overall: AgreementFigures & { meanSpread: number | null };
  calls: CallFigures[];
  evaluators: {
    personId: number;
    overall: DeviationFigures | null;
    items: DeviationFigures | null;
    byItem: (DeviationFigures & { itemId: string })[];
  }[];
};

export const itemsOf = (definition: ScorecardDefinition): ScorecardItem[] => definition.sections.flatMap((s) => s.items);

/** The value alpha compares for an item's answer: N.A., unanswered and answers outside the item's type are missing. */
export function ratingOf(item: ScorecardItem, value: AnswerValue | null | undefined): number | string | null {
  if (value == null || value === 'na') return null;
  const a = item.answer;
  if (a.type === 'scale') return typeof value === 'number' && Number.isInteger(value) && value >= a.min && value <= a.max ? value : null;
  if (a.type === 'yes_no') return value === 'yes' || value === 'no' ? value : null;
  return typeof value === 'string' && a.options.some((o) => o.key === value) ? value : null;
}

/** Points % (0..100) an answer earns of its item, so yes/no, scales and choices compare on one scale; null for N.A./none. */
export function pointsPctOf(item: ScorecardItem, value: AnswerValue | null | undefined): number | null {
  if (ratingOf(item, value) === null) return null;
  const f = answerFraction(item, value);
  return f === null ? null : 100 * f;
}

/** A stable 32-bit seed per session and subject (FNV-1a), so the bootstrap interval is the same on every read. */
export function seedOf(sessionId: number, subject: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${sessionId}:${subject}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Alpha, its interval, band, percent agreement and kappa for reliability data `data[rater][call]`. */
export function agreementFigures(
  data: (number | string | null)[][],
  level: 'nominal' | 'ordinal' | 'interval',
  seed: number
): AgreementFigures {
  const filled = data.map((row) => row.filter((v) => v !== null).length);
  const anyValue = filled.some((n) => n > 0);
  const width = data[0]?.length ?? 0;
  let units = 0;
  for (let u = 0; u < width; u++) if (data.filter((row) => row[u] !== null).length >= 2) units++;

  const alpha = krippendorffAlpha(data, level);
  const alphaReason: AgreementReason | null =
    alpha !== null ? null : !anyValue ? 'no_answers' : units === 0 ? 'too_few_answers' : 'one_value';
  const iv = alpha === null ? null : alphaBootstrapInterval(data, level, { seed });
  const intervalReason: AgreementReason | null = iv ? null : (alphaReason ?? 'too_few_calls');

  // Fleiss: only raters who answered at all, only calls anyone answered; then every call needs every one of them.
  const raters = data.filter((_, r) => filled[r]! > 0);
  const cols = Array.from({ length: width }, (_, u) => u).filter((u) => raters.some((row) => row[u] !== null));
  const complete = raters.map((row) => cols.map((u) => row[u]!));
  const counts = raters.length >= 2 && cols.length > 0 ? fleissCountsOf(complete) : null;
  const kappa = counts ? fleissKappa(counts) : null;
  const kappaReason: AgreementReason | null =
    kappa !== null
      ? null
      : !anyValue
        ? 'no_answers'
        : raters.length < 2
          ? 'too_few_answers'
          : counts === null
            ? 'not_same_raters'
            : 'one_value';

  return {
    level,
    units,
    alpha,
    alphaReason,
    interval: iv ? { low: iv.low, high: iv.high } : null,
    intervalReason,
    band: agreementBand(alpha),
    percentAgreement: percentAgreement(data),
    kappa,
    kappaReason,
    kappaBand: kappaBand(kappa),
    flagged: alpha !== null && alpha < ALPHA_TENTATIVE
  };
}

const sortedIds = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** Overall score % per participant × call and of the agreed answers per call: THE scoring formula. */
function scoresOf(input: AgreementComputeInput, people: number[], calls: number[]) {
  const items = itemsOf(input.definition);
  const scoreOf = (answers: Answers | undefined) => (answers ? computeScore(input.definition, answers).score : null);
  const scores = people.map((p) => calls.map((c) => scoreOf(input.submitted.get(p)?.get(c))));
  const agreedScores = calls.map((c) => {
    const agreed = input.agreed.get(c);
    // Only a complete set of agreed answers has a score: a partial one would score the items left out as unanswered.
    if (!agreed || items.some((it) => !agreed.has(it.id))) return null;
    return computeScore(input.definition, Object.fromEntries(agreed)).score;
  });
  return { scores, agreedScores };
}

export type EvaluatorDeviationFigures = AgreementComputeResult['evaluators'][number];

function deviationsOf(
  input: AgreementComputeInput,
  people: number[],
  calls: number[],
  scores: (number | null)[][],
  agreedScores: (number | null)[]
): EvaluatorDeviationFigures[] {
  const items = itemsOf(input.definition);
  return people.map((personId, r) => {
    const flatValues: (number | null)[] = [];
    const flatAgreed: (number | null)[] = [];
    const byItem: (DeviationFigures & { itemId: string })[] = [];
    for (const item of items) {
      const values = calls.map((c) => pointsPctOf(item, input.submitted.get(personId)?.get(c)?.[item.id]));
      const agreed = calls.map((c) => pointsPctOf(item, input.agreed.get(c)?.get(item.id)));
      flatValues.push(...values);
      flatAgreed.push(...agreed);
      const d = deviationFromConsensus(values, agreed);
      if (d) byItem.push({ itemId: item.id, ...d });
    }
    return {
      personId,
      overall: deviationFromConsensus(scores[r]!, agreedScores),
      items: deviationFromConsensus(flatValues, flatAgreed),
      byItem
    };
  });
}

/** Each evaluator's deviation from the agreed answers only (the drift across sessions needs no agreement figures). */
export function evaluatorDeviations(input: AgreementComputeInput): EvaluatorDeviationFigures[] {
  const people = sortedIds(input.participantIds);
  const calls = sortedIds(input.callIds);
  const { scores, agreedScores } = scoresOf(input, people, calls);
  return deviationsOf(input, people, calls, scores, agreedScores);
}

export function computeAgreement(input: AgreementComputeInput): AgreementComputeResult {
  const people = sortedIds(input.participantIds);
  const calls = sortedIds(input.callIds);
  const items = itemsOf(input.definition);
  const answersOf = (personId: number, callId: number) => input.submitted.get(personId)?.get(callId);

  const itemFigures = items.map((item) => {
    const data = people.map((p) => calls.map((c) => ratingOf(item, answersOf(p, c)?.[item.id])));
    return {
      itemId: item.id,
      agreement: agreementFigures(data, levelOfItem(item.answer.type) as 'nominal' | 'ordinal', seedOf(input.sessionId, item.id))
    };
  });

  const { scores, agreedScores } = scoresOf(input, people, calls);
  const callFigures: CallFigures[] = calls.map((callId, u) => {
    const present = people.map((_, r) => scores[r]![u]!).filter((s): s is number => s !== null);
    return {
      callId,
      scores: people.map((personId, r) => ({ personId, score: scores[r]![u]! })),
      spread: present.length >= 2 ? Math.max(...present) - Math.min(...present) : null,
      agreedScore: agreedScores[u]!
    };
  });
  const spreads = callFigures.map((c) => c.spread).filter((s): s is number => s !== null);
  const overall = {
    ...agreementFigures(scores, 'interval', seedOf(input.sessionId, '#overall')),
    meanSpread: spreads.length ? spreads.reduce((a, b) => a + b, 0) / spreads.length : null
  };
  // Percent agreement and kappa of an exact overall % say little; the overall row reports alpha and the spread.
  overall.percentAgreement = null;
  overall.kappa = null;
  overall.kappaBand = null;
  overall.kappaReason = null;

  const evaluators = deviationsOf(input, people, calls, scores, agreedScores);

  return { items: itemFigures, overall, calls: callFigures, evaluators };
}

/**
 * The suggested agreed answer shown to the facilitator: the most given answer for yes/no and choice (ties: the
 * first in the item's order), the median for a scale (lower middle on an even count, so it is a point of the
 * scale). N.A. and no answer are left out; null when nobody answered. A suggestion, never recorded by itself.
 */
export function suggestAgreedAnswer(item: ScorecardItem, values: readonly (AnswerValue | null | undefined)[]): AnswerValue | null {
  const given = values.map((v) => ratingOf(item, v)).filter((v): v is number | string => v !== null);
  if (given.length === 0) return null;
  const a = item.answer;
  if (a.type === 'scale') {
    const sorted = (given as number[]).slice().sort((x, y) => x - y);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  }
  const order = a.type === 'yes_no' ? ['yes', 'no'] : a.options.map((o) => o.key);
  let best: string | null = null;
  let bestCount = 0;
  for (const key of order) {
    const n = given.filter((v) => v === key).length;
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}
