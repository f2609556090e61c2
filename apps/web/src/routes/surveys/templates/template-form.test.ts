import { describe, expect, it } from 'vitest';
import { STANDARD_INTRO, STANDARD_QUESTIONS } from '@attentive/shared/surveys';
import { SurveyTemplateContent } from '@attentive/shared/survey-templates';
import { templateFields } from './template-form.server';

/** The question editor's fields are the API's paths; reading them back gives what the API accepts. */
function formOf(questions = STANDARD_QUESTIONS, order = questions.map((_, i) => i)) {
  const f = new FormData();
  f.set('name', ' Standard survey ');
  f.set('intro.en', STANDARD_INTRO.en);
  f.set('intro.nl', STANDARD_INTRO.nl);
  for (const i of order) {
    const q = questions[i]!;
    f.set(`questions.${i}.id`, q.id);
    f.set(`questions.${i}.kind`, q.kind);
    f.set(`questions.${i}.attribution`, q.attribution);
    if (q.required) f.set(`questions.${i}.required`, 'on');
    f.set(`questions.${i}.text.en`, q.text.en);
    f.set(`questions.${i}.text.nl`, q.text.nl);
  }
  return f;
}

describe('templateFields', () => {
  it('reads the standard survey back as it was, trimmed, valid for the API', () => {
    const read = templateFields(formOf());
    expect(read).toEqual({ name: 'Standard survey', intro: STANDARD_INTRO, questions: STANDARD_QUESTIONS });
    expect(SurveyTemplateContent.safeParse(read).success).toBe(true);
  });

  it('takes the questions in the order of their index, whatever order the fields came in, and an unticked box as not required', () => {
    const read = templateFields(formOf(STANDARD_QUESTIONS, [3, 0, 2, 1, 6, 5, 4]));
    expect(read.questions.map((q) => q.id)).toEqual(STANDARD_QUESTIONS.map((q) => q.id));
    expect(read.questions.find((q) => q.id === 'recontact')!.required).toBe(false);
  });
});
