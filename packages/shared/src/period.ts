/**
 * A sampling period as people read it: the local dates of its first and last day in the plan's time
 * zone, both inclusive ("2026-11-23 – 2026-11-29"). Periods are stored as instants [start, end) — local
 * midnights — whose UTC dates are a day early east of Greenwich, so never show those.
 */
export type PeriodDates = { from: string; to: string };

const formatters = new Map<string, Intl.DateTimeFormat>();
function localDateOf(instant: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  // en-CA writes YYYY-MM-DD.
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(instant));
}

const ms = (x: Date | string) => (typeof x === 'string' ? Date.parse(x) : x.getTime());

/** First and last local day of the period [start, end) in `timeZone`; the end instant itself is the next period's. */
export function periodDates(start: Date | string, end: Date | string, timeZone: string): PeriodDates {
  const s = ms(start);
  const e = ms(end);
  return { from: localDateOf(s, timeZone), to: localDateOf(Math.max(s, e - 1), timeZone) };
}

/** "2026-11-23 – 2026-11-29"; one day: "2026-11-23". */
export function formatPeriodDates(p: PeriodDates): string {
  return p.from === p.to ? p.from : `${p.from} – ${p.to}`;
}

/**
 * The local day a deadline falls on as people read it: work due at a local midnight (the end of a day,
 * as sampling sets due dates) is due on the day before — "Tue 8 Dec", not "Wed 9 Dec".
 */
export function dueDay(due: Date | string, timeZone: string): string {
  return localDateOf(ms(due) - 1, timeZone);
}
