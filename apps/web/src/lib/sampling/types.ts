import { dueDay, formatPeriodDates } from '@attentive/shared/period';
import type { PlanPreview, RunDetail, WorkQueue } from '$lib/api/types';

/** The plan editor's model of a plan definition (what the editor sends; the API validates it). */
export type Definition = {
  period: 'week' | 'month';
  timezone: string;
  quota: {
    perAgent: number;
    percentOfEligible: number | null;
    newAgent: { months: number; perAgent: number } | null;
    min: number | null;
    max: number | null;
  };
  filters: {
    minTalkSeconds: number | null;
    maxTalkSeconds: number | null;
    queueIds: number[];
    direction: 'any' | 'inbound' | 'outbound';
    daysOfWeek: number[];
    hours: { from: number; to: number } | null;
    dispositions: string[];
    media: 'any' | 'recording' | 'transcript';
  };
  exclude: { alreadyEvaluated: boolean; alreadySampled: boolean };
  stratify: { spread: 'none' | 'day' | 'week'; proportional: 'none' | 'queue' | 'hour' };
  assignment: { mode: 'own_team' | 'cross_team'; dueDays: number };
};

export const DEFAULT_DEFINITION: Definition = {
  period: 'week',
  timezone: 'Europe/Amsterdam',
  quota: { perAgent: 4, percentOfEligible: null, newAgent: { months: 3, perAgent: 8 }, min: null, max: null },
  filters: {
    minTalkSeconds: 30,
    maxTalkSeconds: null,
    queueIds: [],
    direction: 'any',
    daysOfWeek: [],
    hours: null,
    dispositions: [],
    media: 'any'
  },
  exclude: { alreadyEvaluated: true, alreadySampled: true },
  stratify: { spread: 'day', proportional: 'none' },
  assignment: { mode: 'own_team', dueDays: 7 }
};

/** The sampling screens' names for the API's answers (derived from the typed client, never written by hand). */
export type { SamplingOptions, PlanListItem, PlanDetail, RunListItem, RunDetail, Verification, WorkQueue } from '$lib/api/types';
export type Preview = PlanPreview;
export type RunItem = RunDetail['items'][number];
export type LedgerRow = RunDetail['ledger'][number];
export type WorkItem = WorkQueue['items'][number];

export const pct = (x: number | null | undefined) => (x == null ? '—' : `±${(x * 100).toFixed(x < 0.1 ? 1 : 0)} pts`);
/** Times on the contact center's clock (as the calls list), whatever the zone of the server or the browser. */
const TZ = 'Europe/Amsterdam';
export const when = (s: string | null) =>
  s ? new Date(s).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ }) : '—';
/** The day work is due by (a due time at local midnight ends the day before). */
export const day = (s: string | null) =>
  s
    ? new Date(`${dueDay(s, TZ)}T12:00:00Z`).toLocaleDateString('en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC'
      })
    : '—';
export const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
/** A period as people read it, in the plan's zone with an inclusive end: "2026-11-23 – 2026-11-29". */
export const periodText = (p: { periodFrom: string; periodTo: string } | { from: string; to: string }) =>
  'periodFrom' in p ? formatPeriodDates({ from: p.periodFrom, to: p.periodTo }) : formatPeriodDates(p);
