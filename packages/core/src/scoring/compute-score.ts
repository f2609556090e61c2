import type { Dimension } from '@attentive/shared';
import type {
  Answer,
  AnswerValue,
  CriticalFailure,
  ItemScore,
  ScorecardDefinition,
  ScorecardItem,
  ScoreResult,
  ScoreTotals,
  SectionScore
} from '@attentive/shared/scorecard';

/**
 * THE scoring formula (docs/scoring.md). Every score shown anywhere comes from here; nothing else
 * computes one. Pure: no I/O, no clock. Its result, per section and per item, is ScoreResult in
 * @attentive/shared/scorecard (the API returns it; screens display it).
 */

export type { Answer, AnswerValue, CriticalFailure, ItemScore, ScoreResult, ScoreTotals, SectionScore } from '@attentive/shared/scorecard';
/** Answers as a list of { itemId, value } or as a map item id → value. Unknown ids are ignored here (validateAnswers rejects them). */
export type AnswerSet = readonly Answer[] | Readonly<Record<string, AnswerValue | null | undefined>>;

/** The share (0–1) of an item's weight that an answer earns; 'na' and missing give null. */
export function answerFraction(item: ScorecardItem, value: AnswerValue | null | undefined): number | null {
  if (value == null || value === 'na') return null;
  const a = item.answer;
  switch (a.type) {
    case 'yes_no':
      return value === 'yes' ? 1 : value === 'no' ? 0 : null;
    case 'scale':
      if (typeof value !== 'number' || value < a.min || value > a.max) return null;
      return (value - a.min) / (a.max - a.min);
    case 'choice': {
      let best = 0;
      let points = -1;
      for (const o of a.options) {
        if (o.points > best) best = o.points;
        if (o.key === value) points = o.points;
      }
      return points < 0 || best <= 0 ? null : points / best;
    }
  }
}

/** A critical item fails when its answer earns nothing: "no", the bottom of a scale, a 0-point option. */
export const isCriticalFail = (item: ScorecardItem, fraction: number | null) => item.critical != null && fraction === 0;

export function answerMap(answers: AnswerSet): Map<string, AnswerValue | null | undefined> {
  if (Array.isArray(answers)) return new Map((answers as readonly Answer[]).map((a) => [a.itemId, a.value]));
  return new Map(Object.entries(answers as Record<string, AnswerValue | null | undefined>));
}

const pct = (earned: number, bonus: number, possible: number) => (possible > 0 ? Math.min(100, (100 * (earned + bonus)) / possible) : null);

type Acc = { earned: number; bonus: number; possible: number; rawEarned: number; rawBonus: number };
const acc = (): Acc => ({ earned: 0, bonus: 0, possible: 0, rawEarned: 0, rawBonus: 0 });

function addPoints(a: Acc, it: ScorecardItem, pts: number, zeroed: boolean) {
  if (it.bonus) {
    a.rawBonus += pts;
    if (!zeroed) a.bonus += pts;
  } else {
    a.possible += it.weight;
    a.rawEarned += pts;
    if (!zeroed) a.earned += pts;
  }
}

function totals(a: Acc, failed: boolean): ScoreTotals {
  const rawScore = pct(a.rawEarned, a.rawBonus, a.possible);
  return {
    score: failed ? 0 : pct(a.earned, a.bonus, a.possible),
    rawScore,
    earned: failed ? 0 : a.earned,
    bonus: failed ? 0 : a.bonus,
    possible: a.possible
  };
}

/** Looks answers up without copying a map of them (this runs for every re-score). */
function answerLookup(answers: AnswerSet): (itemId: string) => AnswerValue | null | undefined {
  if (Array.isArray(answers)) {
    const m = answerMap(answers);
    return (id) => m.get(id);
  }
  const rec = answers as Readonly<Record<string, AnswerValue | null | undefined>>;
  return (id) => (Object.prototype.hasOwnProperty.call(rec, id) ? rec[id] : undefined);
}

function dimensionTotals(a: Acc, failed: boolean, answered: number) {
  const t = totals(a, failed);
  return { score: t.score, rawScore: t.rawScore, earned: t.earned, bonus: t.bonus, possible: t.possible, answered };
}

export function computeScore(definition: ScorecardDefinition, answers: AnswerSet): ScoreResult {
  const answerOf = answerLookup(answers);

  // Pass 1: each item's earned fraction, and which critical items failed, hence which scopes fail.
  const fractions: (number | null)[][] = [];
  const criticalFailures: CriticalFailure[] = [];
  for (const s of definition.sections) {
    const fs: (number | null)[] = [];
    for (const it of s.items) {
      const f = answerFraction(it, answerOf(it.id));
      fs.push(f);
      if (isCriticalFail(it, f))
        criticalFailures.push({ itemId: it.id, sectionId: s.id, class: it.critical!.class, failScope: it.critical!.failScope });
    }
    fractions.push(fs);
  }
  const failedAll = criticalFailures.some((f) => f.failScope === 'evaluation');
  const failedSectionIds = new Set(criticalFailures.map((f) => f.sectionId));

  // Pass 2: points. A failed scope keeps its denominator and earns 0 (precedence fail-all > fail-section > N.A.).
  const overall = acc();
  // Literal objects (not fromEntries) keep one shape: this loop runs for every re-score.
  const dims: Record<Dimension, Acc> = { customer_friendly: acc(), customer_oriented: acc(), compliance: acc() };
  const answeredIn: Record<Dimension, number> = { customer_friendly: 0, customer_oriented: 0, compliance: 0 };
  const counts = { items: 0, answered: 0, na: 0, unanswered: 0 };
  const sections: SectionScore[] = [];

  for (let si = 0; si < definition.sections.length; si++) {
    const s = definition.sections[si]!;
    const sec = acc();
    let answered = 0;
    let na = 0;
    let unanswered = 0;
    const zeroed = failedAll || failedSectionIds.has(s.id);
    const fs = fractions[si]!;
    const items: ItemScore[] = [];
    for (let ii = 0; ii < s.items.length; ii++) {
      const it = s.items[ii]!;
      const f = fs[ii]!;
      const value = answerOf(it.id) ?? null;
      if (f === null) {
        if (value === 'na') na++;
        else unanswered++;
        items.push({ id: it.id, value, fraction: null, earned: 0, possible: 0, na: value === 'na', bonus: it.bonus, criticalFail: false });
        continue;
      }
      answered++;
      const pts = it.weight * f;
      items.push({
        id: it.id,
        value,
        fraction: f,
        earned: pts,
        possible: it.bonus ? 0 : it.weight,
        na: false,
        bonus: it.bonus,
        criticalFail: isCriticalFail(it, f)
      });
      answeredIn[it.dimension]++;
      addPoints(sec, it, pts, zeroed);
      addPoints(overall, it, pts, zeroed);
      addPoints(dims[it.dimension], it, pts, zeroed);
    }
    counts.items += s.items.length;
    counts.answered += answered;
    counts.na += na;
    counts.unanswered += unanswered;
    const t = totals(sec, zeroed);
    sections.push({
      id: s.id,
      title: s.title,
      score: t.score,
      rawScore: t.rawScore,
      earned: t.earned,
      bonus: t.bonus,
      possible: t.possible,
      failed: zeroed,
      answered,
      na,
      unanswered,
      items
    });
  }

  const criticalErrors = { customer: false, business: false, compliance: false };
  for (const f of criticalFailures) criticalErrors[f.class] = true;

  return {
    ...totals(overall, failedAll),
    failed: failedAll,
    failedSections: [...failedSectionIds],
    criticalErrors,
    criticalFailures,
    sections,
    dimensions: {
      customer_friendly: dimensionTotals(dims.customer_friendly, failedAll, answeredIn.customer_friendly),
      customer_oriented: dimensionTotals(dims.customer_oriented, failedAll, answeredIn.customer_oriented),
      compliance: dimensionTotals(dims.compliance, failedAll, answeredIn.compliance)
    },
    counts
  };
}
