import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ScreenData, Score, Revision, Comment, EvaluationRow, Contact, CallFacts, Turn, ScorecardDefinition } from '$lib/components/evaluation/types';

/** GET an API path from a load: 401 → sign-in, any other 4xx → the same page error with the API's message (bad input is never a 500), 5xx → 500. */
export async function getJson<T>(event: RequestEvent, path: string): Promise<T> {
  const res = await event.fetch(path);
  if (res.status === 401) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  if (!res.ok) {
    let message = `Request failed (${res.status})`;
    try {
      message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      /* not JSON */
    }
    error(res.status >= 400 && res.status < 500 ? res.status : 500, message);
  }
  return (await res.json()) as T;
}

export type EvaluationDetail = {
  evaluation: EvaluationRow;
  canChange: boolean;
  scorecard: { versionId: number; version: number; definition: ScorecardDefinition };
  score: Score;
  revisions: Revision[];
  comments: Comment[];
  contact: Contact;
  call: CallFacts | null;
  transcript: Turn[];
};

export function screenFromDetail(d: EvaluationDetail): ScreenData {
  return {
    contact: d.contact,
    call: d.call,
    transcript: d.transcript,
    definition: d.scorecard.definition,
    scorecardLabel: `version ${d.scorecard.version}`,
    evaluation: d.evaluation,
    score: d.score,
    revisions: d.revisions,
    comments: d.comments,
    canChange: d.canChange
  };
}
