import { z } from 'zod';
import { plainText } from './text.ts';

/**
 * Callback surveys (docs/callback-surveys.md): what a survey asks and what counts as an answer. The database,
 * core (validation, metrics, alerts), the API and the screens (the caller's form, the public page) read the
 * answer rules from here, so a scale is written down once.
 */

export const SURVEY_QUESTION_KINDS = ['csat', 'fcr_solved', 'fcr_recontact', 'ces', 'nps', 'promise_kept', 'comment'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];
export const SurveyQuestionKind = z.enum(SURVEY_QUESTION_KINDS).meta({
  id: 'SurveyQuestionKind',
  description: 'csat 1–5, ces 1–7 (7 = very easy), nps 0–10, fcr_solved / fcr_recontact / promise_kept yes or no, comment free text'
});

export const SURVEY_ATTRIBUTIONS = ['agent', 'process'] as const;
export type SurveyAttribution = (typeof SURVEY_ATTRIBUTIONS)[number];
export const SurveyAttribution = z
  .enum(SURVEY_ATTRIBUTIONS)
  .meta({ id: 'SurveyAttribution', description: "Whose doing the answer judges: the agent's handling, or the product and policy" });

/** The answer type of each kind: a whole number on a scale, yes/no, or text. */
export type AnswerScale = { type: 'scale'; min: number; max: number } | { type: 'yes_no' } | { type: 'text'; max: number };
export const ANSWER_SCALES: Record<SurveyQuestionKind, AnswerScale> = {
  csat: { type: 'scale', min: 1, max: 5 },
  ces: { type: 'scale', min: 1, max: 7 },
  nps: { type: 'scale', min: 0, max: 10 },
  fcr_solved: { type: 'yes_no' },
  fcr_recontact: { type: 'yes_no' },
  promise_kept: { type: 'yes_no' },
  comment: { type: 'text', max: 2000 }
};

/**
 * An answer that asks for service recovery (a low-score alert to the team lead): very dissatisfied (CSAT 1–2),
 * a hard time (CES 1–2), a strong detractor (NPS 0–3), a question not solved, a promise not kept. Having had
 * to contact again (fcr_recontact) is history the FCR figure counts, not a case to recover on its own.
 */
export function isLowAnswer(kind: SurveyQuestionKind, value: number | boolean | string): boolean {
  switch (kind) {
    case 'csat':
    case 'ces':
      return typeof value === 'number' && value <= 2;
    case 'nps':
      return typeof value === 'number' && value <= 3;
    case 'fcr_solved':
    case 'promise_kept':
      return value === false;
    case 'fcr_recontact':
    case 'comment':
      return false;
  }
}

const QuestionText = plainText({ max: 300, min: 3 });
export const BilingualText = z.object({ en: QuestionText, nl: QuestionText }).meta({ id: 'BilingualText' });

export const SurveyQuestion = z
  .object({
    /** Stable across versions: answers are keyed by it. */
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a question id is lower-case letters, digits and _, starting with a letter'),
    kind: SurveyQuestionKind,
    attribution: SurveyAttribution,
    required: z.boolean(),
    text: BilingualText
  })
  .meta({ id: 'SurveyQuestion' });
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** A survey's answers by question id: a number on the question's scale, true/false, or text. */
export const SurveyAnswers = z
  .record(z.string().max(40), z.union([z.number(), z.boolean(), z.string().max(2000)]))
  .meta({ id: 'SurveyAnswers' });
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const SURVEY_LANGUAGES = ['en', 'nl'] as const;
export const SurveyLanguage = z.enum(SURVEY_LANGUAGES).meta({ id: 'SurveyLanguage' });

/** Where a callback item stands (see the callback_items table). */
export const CALLBACK_ITEM_STATUSES = ['open', 'completed', 'declined', 'unreachable', 'wrong_number', 'expired'] as const;
export const CallbackItemStatus = z.enum(CALLBACK_ITEM_STATUSES).meta({ id: 'CallbackItemStatus' });
export const CALLBACK_ATTEMPT_OUTCOMES = ['no_answer', 'voicemail', 'wrong_number', 'declined', 'completed'] as const;
export const CallbackAttemptOutcome = z.enum(CALLBACK_ATTEMPT_OUTCOMES).meta({ id: 'CallbackAttemptOutcome' });
export const CALLBACK_CHANNELS = ['phone', 'link'] as const;
export const CallbackChannel = z.enum(CALLBACK_CHANNELS).meta({ id: 'CallbackChannel' });

/**
 * The standard survey, in both languages: what a new template starts from (and the demo uses). Attribution
 * as most contact centers split it: the agent owns satisfaction with the call, resolution in the call and
 * keeping a promise; effort, recommending and having to come back again are mostly product and process.
 */
export const STANDARD_QUESTIONS: SurveyQuestion[] = [
  {
    id: 'csat',
    kind: 'csat',
    attribution: 'agent',
    required: true,
    text: {
      en: 'How satisfied are you with the call you had with us? (1 = very dissatisfied, 5 = very satisfied)',
      nl: 'Hoe tevreden bent u over het gesprek dat u met ons had? (1 = zeer ontevreden, 5 = zeer tevreden)'
    }
  },
  {
    id: 'solved',
    kind: 'fcr_solved',
    attribution: 'agent',
    required: true,
    text: { en: 'Was your question solved in that call?', nl: 'Is uw vraag in dat gesprek opgelost?' }
  },
  {
    id: 'recontact',
    kind: 'fcr_recontact',
    attribution: 'process',
    required: false,
    text: { en: 'Did you have to contact us again about it?', nl: 'Moest u er nog een keer contact over opnemen?' }
  },
  {
    id: 'effort',
    kind: 'ces',
    attribution: 'process',
    required: true,
    text: {
      en: 'How easy was it to get your question handled? (1 = very hard, 7 = very easy)',
      nl: 'Hoe makkelijk was het om uw vraag afgehandeld te krijgen? (1 = heel moeilijk, 7 = heel makkelijk)'
    }
  },
  {
    id: 'recommend',
    kind: 'nps',
    attribution: 'process',
    required: true,
    text: {
      en: 'How likely are you to recommend us to a friend or colleague? (0 = not at all, 10 = certainly)',
      nl: 'Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega? (0 = helemaal niet, 10 = zeker)'
    }
  },
  {
    id: 'promise',
    kind: 'promise_kept',
    attribution: 'agent',
    required: false,
    text: { en: 'Did what was promised in the call happen?', nl: 'Is er gebeurd wat in het gesprek beloofd was?' }
  },
  {
    id: 'comment',
    kind: 'comment',
    attribution: 'agent',
    required: false,
    text: { en: 'Anything else you would like to tell us?', nl: 'Wilt u ons verder nog iets vertellen?' }
  }
];

export const STANDARD_INTRO = {
  en: 'A few short questions about your recent call with us. It takes about two minutes.',
  nl: 'Een paar korte vragen over uw recente gesprek met ons. Het duurt ongeveer twee minuten.'
};
