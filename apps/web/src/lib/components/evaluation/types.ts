import type { ScorecardDefinition, ScorecardItem, AnswerValue } from '@attentive/shared/scorecard';

export type { ScorecardDefinition, ScorecardItem, AnswerValue };
export type Dimension = 'customer_friendly' | 'customer_oriented' | 'compliance';
export const DIMENSION_LABEL: Record<Dimension, string> = { customer_friendly: 'Friendly', customer_oriented: 'Oriented', compliance: 'Compliance' };
export const DIMENSION_TONE: Record<Dimension, 'friendly' | 'oriented' | 'compliance'> = { customer_friendly: 'friendly', customer_oriented: 'oriented', compliance: 'compliance' };

/** The parts of the API's score result (computeScore, docs/scoring.md) the screen shows. */
export type Totals = { score: number | null; rawScore: number | null; possible: number };
export type Score = Totals & {
  failed: boolean;
  failedSections: string[];
  criticalErrors: Record<'customer' | 'business' | 'compliance', boolean>;
  sections: (Totals & { id: string; title: string; failed: boolean; answered: number; na: number; unanswered: number })[];
  dimensions: Record<Dimension, Totals & { answered: number }>;
  counts: { items: number; answered: number; na: number; unanswered: number };
};

export type Answers = Record<string, AnswerValue | null>;

export type Comment = { id: number; itemId: string | null; text: string; atSeconds: number | null; turnIndex: number | null; authorLabel: string; createdAt: string };
export type Revision = { revision: number; answers: Record<string, AnswerValue>; overallScore: number | null; failed: boolean; authorLabel: string; at: string; reason: string | null };
export type Turn = { speaker: 'agent' | 'customer'; start: number; end: number; text: string };

export type CallFacts = {
  id: number;
  externalId: string;
  startedAt: string;
  direction: string;
  queue: string | null;
  waitSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  transfers: number;
  disposition: string | null;
  language: string | null;
  hasRecording: boolean;
};
export type Contact = { agent: { id: number; name: string; code: string }; team: { id: number; name: string } | null; program: { id: number; name: string; client: string } };

export type EvaluationRow = {
  id: number;
  callId: number | null;
  kind: string;
  status: 'draft' | 'submitted';
  revision: number;
  version: number;
  answers: Record<string, AnswerValue>;
  overallScore: number | null;
  evaluatorLabel: string;
  submittedAt: string | null;
  updatedAt: string;
};

/** Everything the screen starts from: an existing evaluation, or a call not scored yet by this user. */
export type ScreenData = {
  contact: Contact;
  call: CallFacts | null;
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
  if (a.type === 'scale') return Array.from({ length: a.max - a.min + 1 }, (_, i) => ({ value: a.min + i, label: String(a.min + i), key: String(a.min + i) }));
  return a.options.map((o, i) => ({ value: o.key, label: o.label, key: String(i + 1) }));
}
