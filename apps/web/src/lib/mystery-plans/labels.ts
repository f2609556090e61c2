import { m } from '$lib/paraglide/messages';

/** Words of the mystery-call plan screens that depend on a value (called where rendered, so the language is the page's). */

const WEEKDAYS = [
  m.mystery_plan_day_1,
  m.mystery_plan_day_2,
  m.mystery_plan_day_3,
  m.mystery_plan_day_4,
  m.mystery_plan_day_5,
  m.mystery_plan_day_6,
  m.mystery_plan_day_7
];
const WEEKDAYS_SHORT = [
  m.mystery_plan_day_short_1,
  m.mystery_plan_day_short_2,
  m.mystery_plan_day_short_3,
  m.mystery_plan_day_short_4,
  m.mystery_plan_day_short_5,
  m.mystery_plan_day_short_6,
  m.mystery_plan_day_short_7
];

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export const weekdayName = (d: number) => WEEKDAYS[d - 1]!();
export const weekdayShort = (d: number) => WEEKDAYS_SHORT[d - 1]!();
/** A local hour as the start of its hour on a 24-hour clock: 17 → "17:00" (the same in both languages). */
export const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;

export const spreadText = (s: 'volume' | 'grid') => (s === 'volume' ? m.mystery_plan_spread_volume() : m.mystery_plan_spread_grid());

export function statusBadge(s: 'draft' | 'published') {
  return s === 'draft' ? { tone: 'warn', text: m.mystery_plan_status_draft() } : { tone: 'ok', text: m.mystery_plan_status_published() };
}

export function assignmentStatusText(s: 'planned' | 'completed' | 'cancelled') {
  return s === 'planned'
    ? m.mystery_plan_assignment_planned()
    : s === 'completed'
      ? m.mystery_plan_assignment_completed()
      : m.mystery_plan_assignment_cancelled();
}

export function problemText(p: 'no_volume' | 'empty_grid' | 'no_scenarios') {
  return p === 'no_volume'
    ? m.mystery_plan_problem_no_volume()
    : p === 'empty_grid'
      ? m.mystery_plan_problem_empty_grid()
      : m.mystery_plan_problem_no_scenarios();
}
