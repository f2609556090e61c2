import { m } from '$lib/paraglide/messages';

/** The words for a scenario's difficulty and a scorecard's purpose, in the page's language (called where rendered). */
export const difficultyLabel = (d: 'easy' | 'medium' | 'hard') =>
  ({ easy: m.mystery_scenario_difficulty_easy, medium: m.mystery_scenario_difficulty_medium, hard: m.mystery_scenario_difficulty_hard })[
    d
  ]();

export const purposeLabel = (p: 'calls' | 'mystery') => (p === 'mystery' ? m.scorecards_purpose_mystery() : m.scorecards_purpose_calls());
