/** What a scenario form shows in its fields: the values sent (after a refusal) or stored. */
export type ScenarioValues = Partial<
  Record<
    'title' | 'story' | 'question' | 'rightAnswer' | 'orientedOpportunity' | 'difficulty' | 'scorecardId' | 'programId' | 'note',
    string | number | null
  >
>;

/** A published scorecard a scenario may be scored on: its program's (either purpose) or the shared default (programId null). */
export type ScorecardOption = { id: number; name: string; programId: number | null; purpose: 'calls' | 'mystery' };
