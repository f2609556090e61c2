import type { SurveyQuestion } from '@attentive/shared/surveys';
import { text } from '$lib/server/form-action';

/**
 * Reads the template forms (new, edit): the field names are the API's paths (`intro.nl`, `questions.3.text.en`),
 * so each problem the API names is shown beside its own field. The questions are taken in the order of their
 * index; the API checks every value (a bad one is its 400 naming the field).
 */
export function templateFields(f: FormData) {
  const indexes = new Set<number>();
  for (const key of f.keys()) {
    const match = /^questions\.(\d{1,2})\./.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  const questions = [...indexes]
    .sort((a, b) => a - b)
    .map((i) => {
      const q = (field: string) => text(f, `questions.${i}.${field}`);
      return {
        id: q('id'),
        // An unknown kind or attribution is the API's 400, shown beside the field.
        kind: q('kind') as SurveyQuestion['kind'],
        attribution: q('attribution') as SurveyQuestion['attribution'],
        required: f.get(`questions.${i}.required`) === 'on',
        text: { en: q('text.en'), nl: q('text.nl') }
      };
    });
  return { name: text(f, 'name'), intro: { en: text(f, 'intro.en'), nl: text(f, 'intro.nl') }, questions };
}

export type TemplateValues = ReturnType<typeof templateFields>;
