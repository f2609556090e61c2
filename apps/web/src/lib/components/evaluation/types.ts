import type { ScorecardDefinition, ScorecardItem, AnswerValue } from '@attentive/shared/scorecard';
import type { Dimension } from '@attentive/shared';
import type { EvaluationDetail, EvaluationContext } from '$lib/api/types';
import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';

export type { ScorecardDefinition, ScorecardItem, AnswerValue, Dimension };
/** The three dimensions in the screens' words (message functions: called where rendered, in the page's language). */
export const DIMENSION_LABEL: Record<Dimension, () => string> = {
  customer_friendly: m.dimension_customer_friendly,
  customer_oriented: m.dimension_customer_oriented,
  compliance: m.dimension_compliance
};
/** A critical item's class (what its failure is an error against), for its badge and the score's flags. */
export const CRITICAL_LABEL: Record<'customer' | 'business' | 'compliance', () => string> = {
  customer: m.evaluation_critical_customer,
  business: m.evaluation_critical_business,
  compliance: m.evaluation_critical_compliance
};
/** A dispute's status in the screens' words. */
export const STATUS_LABEL: Record<'open' | 'accepted' | 'partly_accepted' | 'rejected', () => string> = {
  open: m.status_open,
  accepted: m.status_accepted,
  partly_accepted: m.status_partly_accepted,
  rejected: m.status_rejected
};
export const DIMENSION_TONE: Record<Dimension, 'friendly' | 'oriented' | 'compliance'> = {
  customer_friendly: 'friendly',
  customer_oriented: 'oriented',
  compliance: 'compliance'
};

/** The evaluation screen's names for the API's answers (derived from the typed client, never written by hand). */
export type Score = EvaluationDetail['score'];
export type Answers = Record<string, AnswerValue | null>;
export type Comment = EvaluationDetail['comments'][number];
export type Revision = EvaluationDetail['revisions'][number];
export type Turn = EvaluationDetail['transcript'][number];
export type CallFacts = NonNullable<EvaluationDetail['call']>;
export type Contact = EvaluationDetail['contact'] | EvaluationContext['contact'];
export type EvaluationRow = EvaluationDetail['evaluation'];

/** Everything the screen starts from: an existing evaluation, or a call not scored yet by this user. */
export type ScreenData = {
  contact: Contact;
  call: CallFacts | EvaluationContext['call'];
  transcript: Turn[];
  definition: ScorecardDefinition;
  scorecardLabel: string;
  evaluation: EvaluationRow | null;
  score: Score | null;
  revisions: Revision[];
  comments: Comment[];
  canChange: boolean;
};

/**
 * What the scorecard form reads and calls: the evaluation screen's EvaluationSession, or another scorer of the
 * same form (the calibration screen's blind score), so both share the form and its keyboard scoring.
 */
export type ScoringForm = {
  readonly data: { definition: ScorecardDefinition };
  readonly answers: Answers;
  readonly score: Score | null;
  readonly comments: readonly { itemId: string | null }[];
  readonly editable: boolean;
  readonly showMissing: boolean;
  readonly problems: Record<string, string>;
  readonly refusals: number;
  setAnswer(itemId: string, value: Answers[string]): void;
};

/** Who wrote something, never as an internal address: "user:tl01@demo…" → "tl01". */
export const authorName = (label: string | null | undefined) =>
  (label ?? '').replace(/^(user|agent|token|system):/, '').replace(/@.*$/, '');

/** A day ("2026-12-02") or an instant as a date in the page's language; "–" when there is none. */
export const dateText = (f: Format, iso: string | null | undefined) => (!iso ? '–' : iso.length === 10 ? f.day(iso) : f.date(iso));

export const fmtScore = (s: number | null | undefined) => (s == null ? '–' : `${Math.round(s * 10) / 10}`);
/** A score (0–100) with at most one decimal, in the page's language: "87.5" · "87,5"; "–" when there is none. */
export const scoreText = (f: Format, s: number | null | undefined) => (s == null ? '–' : f.number(s, 1));

export function answerLabel(item: ScorecardItem, v: AnswerValue | null | undefined): string {
  if (v == null) return '—';
  if (v === 'na') return m.evaluation_answer_na();
  if (item.answer.type === 'yes_no') return v === 'yes' ? m.evaluation_answer_yes() : m.evaluation_answer_no();
  if (item.answer.type === 'choice') return item.answer.options.find((o) => o.key === v)?.label ?? String(v);
  return String(v);
}

/** The answers an item accepts, in key order: what the buttons show and the number keys pick. */
export function optionsOf(item: ScorecardItem): { value: AnswerValue; label: string; key: string }[] {
  const a = item.answer;
  if (a.type === 'yes_no')
    return [
      { value: 'yes', label: m.evaluation_answer_yes(), key: 'y' },
      { value: 'no', label: m.evaluation_answer_no(), key: 'n' }
    ];
  if (a.type === 'scale')
    return Array.from({ length: a.max - a.min + 1 }, (_, i) => ({ value: a.min + i, label: String(a.min + i), key: String(a.min + i) }));
  return a.options.map((o, i) => ({ value: o.key, label: o.label, key: String(i + 1) }));
}
