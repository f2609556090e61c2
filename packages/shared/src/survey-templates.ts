import { z } from 'zod';
import { plainText } from './text.ts';
import { SurveyQuestion } from './surveys.ts';

/**
 * Survey templates of callback surveys (issue 14, docs/callback-surveys-templates.md): what a program asks its
 * customers after a call, in Dutch and English, versioned. Request and response shapes, used by core
 * (validation), the API (document) and the screens (limits, the field names of the question editor).
 */

/** Most characters / entries per field (after trimming); the forms use them as `maxlength`. */
export const SURVEY_TEMPLATE_LIMITS = { name: 120, intro: 600, note: 500, questions: 20 } as const;

const IntroText = plainText({ min: 3, max: SURVEY_TEMPLATE_LIMITS.intro, multiline: true });

/**
 * The questions of one version. Cross-question rules, each naming the question it refuses
 * (`questions.<index>.<field>`):
 * - ids are unique: answers are stored by question id;
 * - at most one question per standard kind, `comment` excepted: the metrics read one typed column per kind
 *   (core surveys/answers.ts `standardColumns` takes the first question of each kind), so a second CSAT
 *   question would be asked and then silently left out of every figure. Open comments are only read.
 */
export const SurveyQuestions = z
  .array(SurveyQuestion)
  .min(1, 'a survey asks at least one question')
  .max(SURVEY_TEMPLATE_LIMITS.questions, `a survey asks at most ${SURVEY_TEMPLATE_LIMITS.questions} questions`)
  .superRefine((questions, ctx) => {
    const ids = new Map<string, number>();
    const kinds = new Map<string, number>();
    questions.forEach((q, i) => {
      const sameId = ids.get(q.id);
      if (sameId !== undefined)
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${q.id}" is already the id of question ${sameId + 1}` });
      else ids.set(q.id, i);
      if (q.kind === 'comment') return;
      const sameKind = kinds.get(q.kind);
      if (sameKind !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'kind'],
          message: `question ${sameKind + 1} already asks ${q.kind}: a survey asks each kind once (only comments may repeat)`
        });
      else kinds.set(q.kind, i);
    });
  })
  .meta({ id: 'SurveyQuestions', description: 'At least one; ids unique; each kind at most once except comment' });

/** What one version of a template says. */
export const SurveyTemplateContent = z
  .object({
    name: plainText({ min: 1, minMessage: 'a name is required', max: SURVEY_TEMPLATE_LIMITS.name }),
    /** What the caller says first / the survey page shows above the questions. */
    intro: z.object({ en: IntroText, nl: IntroText }).strict(),
    questions: SurveyQuestions
  })
  .strict()
  .meta({ id: 'SurveyTemplateContent' });
export type SurveyTemplateContent = z.infer<typeof SurveyTemplateContent>;

export const CreateSurveyTemplateInput = SurveyTemplateContent.extend({
  programId: z.number({ error: 'choose a program' }).int().positive()
})
  .strict()
  .meta({ id: 'CreateSurveyTemplate' });

/** A change makes the next version; `baseVersion` is the version the editor changed (a newer one: 409). */
export const AddSurveyTemplateVersionBody = SurveyTemplateContent.extend({
  baseVersion: z.number().int().positive(),
  note: plainText({ max: SURVEY_TEMPLATE_LIMITS.note, multiline: true }).default('')
})
  .strict()
  .meta({ id: 'AddSurveyTemplateVersion' });

export const SurveyTemplateVersion = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    name: z.string(),
    intro: z.object({ en: z.string(), nl: z.string() }),
    questions: z.array(SurveyQuestion),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    responseCount: z.number().int().meta({ description: 'Responses given to this version' })
  })
  .meta({ id: 'SurveyTemplateVersion' });
export type SurveyTemplateVersion = z.infer<typeof SurveyTemplateVersion>;

/** A template with its current (latest) version. */
export const SurveyTemplate = z
  .object({
    id: z.number().int(),
    programId: z.number().int(),
    programName: z.string(),
    clientId: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    retiredAt: z.string().nullable(),
    retiredBy: z.string().nullable(),
    versionCount: z.number().int(),
    responseCount: z.number().int().meta({ description: 'Responses given to any version' }),
    current: SurveyTemplateVersion
  })
  .meta({ id: 'SurveyTemplate' });
export type SurveyTemplate = z.infer<typeof SurveyTemplate>;

export const SurveyTemplateDetail = z
  .object({ template: SurveyTemplate, versions: z.array(SurveyTemplateVersion).meta({ description: 'Every version, oldest first' }) })
  .meta({ id: 'SurveyTemplateDetail' });
export type SurveyTemplateDetail = z.infer<typeof SurveyTemplateDetail>;
