import type { RequestEvent } from '@sveltejs/kit';
import { api, load as read } from '$lib/server/api-client';
import { optionalNumber, text } from '$lib/server/form-action';
import type { ScorecardOption } from './types';

/**
 * What the scenario forms (new, edit) share on the server: reading the fields the API wants (it checks every
 * value: a bad one is its 400 naming the field) and the scorecards a scenario may be scored on.
 */
export function scenarioFields(f: FormData) {
  return {
    title: text(f, 'title'),
    story: text(f, 'story'),
    question: text(f, 'question'),
    rightAnswer: text(f, 'rightAnswer'),
    orientedOpportunity: text(f, 'orientedOpportunity'),
    // An unknown difficulty or a missing scorecard is the API's 400, shown beside the field.
    difficulty: text(f, 'difficulty') as 'easy',
    scorecardId: optionalNumber(f, 'scorecardId') as number
  };
}

/** Published scorecards (a shopper fills in a published form): a program's own, or the shared default (programId null). */
export async function scorecardOptions(event: RequestEvent): Promise<ScorecardOption[]> {
  const { scorecards } = await read(event, api(event).api.scorecards.$get());
  return scorecards.filter((s) => s.published).map((s) => ({ id: s.id, name: s.name, programId: s.programId, purpose: s.purpose }));
}
