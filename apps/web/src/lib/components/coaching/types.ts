import type { Dimension } from '@attentive/shared';
import type { AgentSummary, Dispute as DisputeView, CoachingQueue, SessionDetail } from '$lib/api/types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { useFormat } from '$lib/format';
import { monthName } from '$lib/format/calendar';

/** The coaching screens' names for the API's answers (derived from the typed client, never written by hand). */
export type { AgentSummary, SessionDetail, Dimension };
export type Estimate = AgentSummary['total']['overall'];
export type ItemEstimate = AgentSummary['strengths'][number];
export type Quadrant = NonNullable<AgentSummary['position']['quadrant']>;
export type Dispute = DisputeView['dispute'];
export type DisputeStatus = Dispute['status'];
export type QueueEntry = CoachingQueue['items'][number];

export const DIMENSIONS: Dimension[] = ['customer_friendly', 'customer_oriented', 'compliance'];

/**
 * Labels read when rendered (getters), so they follow the page's language: `DIM_LABEL[d]` reads the message
 * at that moment, never a string frozen at module load.
 */
export const DIM_LABEL: Record<Dimension, string> = {
  get customer_friendly() {
    return m.coaching_dimension_customer_friendly();
  },
  get customer_oriented() {
    return m.coaching_dimension_customer_oriented();
  },
  get compliance() {
    return m.coaching_dimension_compliance();
  }
};
export const DIM_TONE: Record<Dimension, string> = {
  customer_friendly: 'friendly',
  customer_oriented: 'oriented',
  compliance: 'compliance'
};

export const STATUS_LABEL: Record<DisputeStatus, string> = {
  get open() {
    return m.coaching_dispute_status_open();
  },
  get accepted() {
    return m.coaching_dispute_status_accepted();
  },
  get partly_accepted() {
    return m.coaching_dispute_status_partly_accepted();
  },
  get rejected() {
    return m.coaching_dispute_status_rejected();
  }
};
export const STATUS_TONE: Record<DisputeStatus, string> = { open: 'warn', accepted: 'ok', partly_accepted: 'ok', rejected: 'danger' };

/** "72" or "–": a score with no false precision, in the page's language. */
export const fmt = (x: number | null | undefined) => (x == null ? '–' : useFormat().number(x, 0));
/** A signed difference of scores: "+4", "−3", "0" or "–". */
export const fmtGap = (x: number | null | undefined) => (x == null ? '–' : `${x > 0 ? '+' : ''}${fmt(x)}`);
/** A calendar day ("2026-12-02") as it is, or an instant's date on the contact center's clock. */
export const fmtDay = (iso: string | null | undefined) => {
  if (!iso) return '–';
  const f = useFormat();
  return iso.length === 10 ? f.day(iso) : f.date(iso);
};
/** A month "2026-12": "Dec" · "dec" (short) or "December 2026" · "december 2026" (long). */
export const monthLabel = (ym: string, style: 'short' | 'long' = 'short') => monthName(getLocale(), ym, style);
/**
 * Who did something, from the API's label ("user:tl01@demo…", "system:sampler"): the person's account name
 * (never the address or the kind prefix); the system as a word.
 */
export const who = (label: string | null | undefined) => {
  const l = label ?? '';
  if (/^(system|token):/.test(l)) return m.coaching_who_system();
  return l.replace(/^(user|agent):/, '').replace(/@.*$/, '');
};
