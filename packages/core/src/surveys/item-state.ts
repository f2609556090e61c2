import type { CALLBACK_ATTEMPT_OUTCOMES, CALLBACK_ITEM_STATUSES } from '@attentive/shared/surveys';

export type AttemptOutcome = (typeof CALLBACK_ATTEMPT_OUTCOMES)[number];
export type ItemStatus = (typeof CALLBACK_ITEM_STATUSES)[number];
export type RetryRules = { maxAttempts: number; retryMinutes: number };

/**
 * The retry rules: where an item stands after an attempt. No answer or voicemail leaves it open for another
 * try after `retryMinutes`, until `maxAttempts` are used (then unreachable); a wrong number, a refusal or a
 * completed survey closes it. Pure: the one place these rules live.
 */
export function afterAttempt(
  item: { attempts: number },
  outcome: AttemptOutcome,
  rules: RetryRules,
  at: Date
): { attempts: number; status: ItemStatus; nextAttemptAt: Date; closed: boolean } {
  const attempts = item.attempts + 1;
  const status: ItemStatus =
    outcome === 'completed'
      ? 'completed'
      : outcome === 'declined'
        ? 'declined'
        : outcome === 'wrong_number'
          ? 'wrong_number'
          : attempts >= rules.maxAttempts
            ? 'unreachable'
            : 'open';
  const nextAttemptAt = status === 'open' ? new Date(at.getTime() + rules.retryMinutes * 60_000) : at;
  return { attempts, status, nextAttemptAt, closed: status !== 'open' };
}
