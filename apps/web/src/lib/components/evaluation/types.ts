import type { ScorecardDefinition, ScorecardItem, AnswerValue } from '@attentive/shared/scorecard';
import type { Dimension } from '@attentive/shared';
import type { EvaluationDetail, EvaluationContext } from '$lib/api/types';

export type { ScorecardDefinition, ScorecardItem, AnswerValue, Dimension };
export const DIMENSION_LABEL: Record<Dimension, string> = {
  customer_friendly: 'Friendly',
  customer_oriented: 'Oriented',
  compliance: 'Compliance'
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

export const fmtScore = (s: number | null | undefined) => (s == null ? '–' : `${Math.round(s * 10) / 10}`);

export function answerLabel(item: ScorecardItem, v: AnswerValue | null | undefined): string {
  if (v == null) return '—';
  if (v === 'na') return 'N.A.';
  if (item.answer.type === 'yes_no') return v === 'yes' ? 'Yes' : 'No';
  if (item.answer.type === 'choice') return item.answer.options.find((o) => o.key === v)?.label ?? String(v);
  return String(v);
}

/** The answers an item accepts, in key order: what the buttons show and the number keys pick. */
export function optionsOf(item: ScorecardItem): { value: AnswerValue; label: string; key: string }[] {
  const a = item.answer;
  if (a.type === 'yes_no')
    return [
      { value: 'yes', label: 'Yes', key: 'y' },
      { value: 'no', label: 'No', key: 'n' }
    ];
  if (a.type === 'scale')
    return Array.from({ length: a.max - a.min + 1 }, (_, i) => ({ value: a.min + i, label: String(a.min + i), key: String(a.min + i) }));
  return a.options.map((o, i) => ({ value: o.key, label: o.label, key: String(i + 1) }));
}
