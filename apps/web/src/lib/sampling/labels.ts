import { dueDay } from '@attentive/shared/period';
import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { RunListItem } from './types';

/** The sampling screens' words for the API's codes and values, in the person's language (never a raw code). */

/** A period's first and last day ("23 Nov 2026 – 29 Nov 2026"; one day: "23 Nov 2026"). */
export function periodDays(f: Format, p: { periodFrom: string; periodTo: string } | { from: string; to: string }): string {
  const [from, to] = 'periodFrom' in p ? [p.periodFrom, p.periodTo] : [p.from, p.to];
  return from === to ? f.day(from) : `${f.day(from)} – ${f.day(to)}`;
}

/** The day work is due by (due at a local midnight is the end of the day before), or a dash. */
export const dueDayText = (f: Format, due: string | null) => (due ? f.day(dueDay(due, f.timeZone)) : '—');

/** An instant on the contact center's clock, or a dash. */
export const whenText = (f: Format, at: string | null) => (at ? f.dateTime(at) : '—');

/** A margin of error (a fraction) in percentage points: ±5 pts, or a dash when there is none. */
export const marginText = (f: Format, x: number | null | undefined) =>
  x == null ? '—' : m.sampling_margin_points({ points: f.number(x * 100, x < 0.1 ? 1 : 0) });

/** What started a run: the schedule, a person (now), or a client's audit order. */
export function runKindText(r: Pick<RunListItem, 'purpose' | 'trigger'>): string {
  if (r.purpose === 'audit') return m.sampling_kind_audit();
  return r.trigger === 'schedule'
    ? m.sampling_kind_schedule()
    : r.trigger === 'manual'
      ? m.sampling_kind_manual()
      : m.sampling_kind_client();
}

/** Plan weekdays 1 (Monday) … 7 (Sunday), at index day − 1: the plan editor's boxes and the rules in words. */
export const WEEKDAY_LABELS = [
  m.sampling_day_mon,
  m.sampling_day_tue,
  m.sampling_day_wed,
  m.sampling_day_thu,
  m.sampling_day_fri,
  m.sampling_day_sat,
  m.sampling_day_sun
];

const HOUR_BANDS: Record<string, () => string> = {
  night: m.sampling_hours_night,
  morning: m.sampling_hours_morning,
  afternoon: m.sampling_hours_afternoon,
  evening: m.sampling_hours_evening
};

/**
 * Where in the run's strata a call was taken from ("queue:3|day:2026-11-17"): the queue, the time
 * of day, the day or the week — joined by " · "; "all" when the plan has no strata.
 */
export function stratumText(f: Format, stratum: string): string {
  if (stratum === 'all') return m.sampling_stratum_all();
  return stratum
    .split('|')
    .map((part) => {
      const [kind, value = ''] = part.split(':');
      if (kind === 'queue') return value === 'none' ? m.sampling_stratum_no_queue() : m.sampling_stratum_queue({ id: value });
      if (kind === 'hours') return HOUR_BANDS[value]?.() ?? value;
      if (kind === 'day') return f.day(value);
      if (kind === 'week') return m.sampling_stratum_week_of({ day: f.day(value) });
      return part;
    })
    .join(' · ');
}
