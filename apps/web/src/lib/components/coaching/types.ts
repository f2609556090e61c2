import type { Dimension } from '@attentive/shared';
import type { AgentSummary, Dispute as DisputeView, CoachingQueue, SessionDetail } from '$lib/api/types';

/** The coaching screens' names for the API's answers (derived from the typed client, never written by hand). */
export type { AgentSummary, SessionDetail, Dimension };
export type Estimate = AgentSummary['total']['overall'];
export type ItemEstimate = AgentSummary['strengths'][number];
export type Quadrant = NonNullable<AgentSummary['position']['quadrant']>;
export type Dispute = DisputeView['dispute'];
export type DisputeStatus = Dispute['status'];
export type QueueEntry = CoachingQueue['items'][number];

export const DIMENSIONS: Dimension[] = ['customer_friendly', 'customer_oriented', 'compliance'];
export const DIM_LABEL: Record<Dimension, string> = {
  customer_friendly: 'Customer-friendly',
  customer_oriented: 'Customer-oriented',
  compliance: 'Compliance'
};
export const DIM_TONE: Record<Dimension, string> = {
  customer_friendly: 'friendly',
  customer_oriented: 'oriented',
  compliance: 'compliance'
};

export const STATUS_LABEL: Record<DisputeStatus, string> = {
  open: 'Open',
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  rejected: 'Rejected'
};
export const STATUS_TONE: Record<DisputeStatus, string> = { open: 'warn', accepted: 'ok', partly_accepted: 'ok', rejected: 'danger' };

/** "72" or "–": a score with no false precision. */
export const fmt = (x: number | null | undefined) => (x == null ? '–' : String(Math.round(x)));
/** "72 (n=9, 95% 60–84)"; with n = 1 no interval exists: "72 (n=1)". */
export function fmtEstimate(e: Estimate): string {
  if (e.n === 0 || e.estimate == null) return 'no data (n=0)';
  const interval = e.low != null && e.high != null ? `, 95% ${fmt(e.low)}–${fmt(e.high)}` : '';
  return `${fmt(e.estimate)} (n=${e.n}${interval})`;
}
export const fmtDay = (iso: string | null | undefined) =>
  iso
    ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC'
      })
    : '–';
export const monthLabel = (ym: string) => new Date(`${ym}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
export const who = (label: string | null | undefined) => (label ?? '').replace(/^(user|agent|token|system):/, '').replace(/@.*$/, '');
