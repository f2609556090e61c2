import { m } from '$lib/paraglide/messages';

/** Words for callback-list values (item statuses, exclusion reasons, channels), in the person's language. */

export const ITEM_STATUSES = ['open', 'completed', 'declined', 'unreachable', 'wrong_number', 'expired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export function itemStatusText(s: string): string {
  switch (s) {
    case 'open':
      return m.surveys_lists_status_open();
    case 'completed':
      return m.surveys_lists_status_completed();
    case 'declined':
      return m.surveys_lists_status_declined();
    case 'unreachable':
      return m.surveys_lists_status_unreachable();
    case 'wrong_number':
      return m.surveys_lists_status_wrong_number();
    default:
      return m.surveys_lists_status_expired();
  }
}

export const EXCLUSIONS = ['alreadyDrawn', 'optedOut', 'noContact', 'recentlySurveyed'] as const;

export function exclusionText(k: string): string {
  switch (k) {
    case 'alreadyDrawn':
      return m.surveys_lists_excluded_already_drawn();
    case 'optedOut':
      return m.surveys_lists_excluded_opted_out();
    case 'noContact':
      return m.surveys_lists_excluded_no_contact();
    default:
      return m.surveys_lists_excluded_recently_surveyed();
  }
}

export const channelText = (c: string) => (c === 'phone' ? m.surveys_lists_channel_phone() : m.surveys_lists_channel_link());
