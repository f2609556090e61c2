import type { NonResponse } from '@attentive/shared/survey-results';
import { CALLBACK_ITEM_STATUSES } from '@attentive/shared/surveys';
import { MeanAccumulator, wilsonInterval } from '../../stats/intervals.ts';

/** What non-response needs of one drawn item: read from the item, its attempts and its link. */
export type ItemFacts = {
  status: (typeof CALLBACK_ITEM_STATUSES)[number];
  /** Attempts recorded (callback_attempts rows of the item). */
  attempts: number;
  /** Some attempt ended 'declined' or 'completed': a person (the customer) answered. */
  reached: boolean;
  /** A survey link was sent for it. */
  linkSent: boolean;
};

/**
 * Non-response of a set of drawn items. Definitions (docs/callback-surveys-results.md):
 * - attempted: the item was tried — at least one call attempt, or a survey link sent;
 * - reached: some attempt's outcome was declined or completed (a person answered and said no or yes; no
 *   answer, voicemail and a wrong number are not reaching the customer); for a link: it was answered;
 * - reach rate = reached / attempted; response rate = responses / drawn, and / closed (drawn − open);
 * - attempts per item: over the items attempted.
 * Pure.
 */
export function nonResponse(items: readonly ItemFacts[]): NonResponse {
  const byStatus: Record<string, number> = Object.fromEntries(CALLBACK_ITEM_STATUSES.map((s) => [s, 0]));
  let attempted = 0;
  let attempts = 0;
  let reached = 0;
  const perItem = new MeanAccumulator();
  for (const it of items) {
    byStatus[it.status] = (byStatus[it.status] ?? 0) + 1;
    attempts += it.attempts;
    if (it.attempts > 0 || it.linkSent) {
      attempted++;
      perItem.add(it.attempts);
      if (it.reached) reached++;
    }
  }
  const drawn = items.length;
  const responses = byStatus.completed ?? 0;
  const open = byStatus.open ?? 0;
  return {
    drawn,
    attempted,
    attempts,
    attemptsPerItem: perItem.interval({ bounds: [0, Number.MAX_SAFE_INTEGER] }),
    reached,
    reachRate: wilsonInterval(reached, attempted),
    responses,
    responseRate: wilsonInterval(responses, drawn),
    responseRateClosed: wilsonInterval(responses, drawn - open),
    open,
    byStatus
  };
}
