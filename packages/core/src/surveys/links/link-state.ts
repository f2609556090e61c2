import type { SurveyLinkCounts, SurveyLinkState } from '@attentive/shared/survey-links';

/**
 * Where a link item stands, from the item's status and its newest link (pure; the manager's list and its
 * counts). An answered item is answered whatever its link says; a closed item that was not answered is
 * declined (opted out, or closed by the contact center); an open item with an unsent or no link is not
 * sent; a sent link past its time is expired.
 */
export function linkState(
  item: { status: string },
  link: { sentAt: Date | null; expiresAt: Date; usedAt: Date | null } | null,
  now: Date
): SurveyLinkState {
  if (item.status === 'completed') return 'answered';
  if (item.status === 'expired') return 'expired';
  if (item.status !== 'open') return 'declined';
  if (!link || link.sentAt == null) return 'not_sent';
  if (link.usedAt != null) return 'declined';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'sent';
}

export function countStates(states: readonly SurveyLinkState[]): SurveyLinkCounts {
  const c: SurveyLinkCounts = { items: states.length, notSent: 0, sent: 0, answered: 0, declined: 0, expired: 0 };
  for (const s of states) {
    if (s === 'not_sent') c.notSent++;
    else c[s]++;
  }
  return c;
}

/**
 * An e-mail address with most of it hidden — the first letter of the name and of the domain, and the top-level
 * domain: "jan.jansen@example.nl" → "j•••@e•••.nl". Enough for a manager to tell two items apart, never
 * enough to write to (the issue: addresses only for the caller working the item).
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  const name = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${name[0]}•••@${host[0] ?? ''}•••${tld}`;
}
