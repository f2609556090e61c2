import { m } from '$lib/paraglide/messages';

type Content = {
  title: string;
  story: string;
  question: string;
  rightAnswer: string;
  orientedOpportunity: string;
  difficulty: string;
  scorecardId: number;
};

const FIELDS: [keyof Content, () => string][] = [
  ['title', m.mystery_scenario_title_field],
  ['story', m.mystery_scenario_story],
  ['question', m.mystery_scenario_question],
  ['rightAnswer', m.mystery_scenario_right_answer],
  ['orientedOpportunity', m.mystery_scenario_opportunity],
  ['difficulty', m.mystery_scenario_difficulty],
  ['scorecardId', m.mystery_scenario_scorecard]
];

/** What a version changed against the one before it, as the fields' labels (for the history). */
export const changedFields = (before: Content | undefined, after: Content): string[] =>
  before ? FIELDS.filter(([k]) => before[k] !== after[k]).map(([, label]) => label()) : [];
