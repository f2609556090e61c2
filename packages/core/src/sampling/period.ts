/** Periods and local time in a plan's time zone, without a date library: Intl gives the offsets. */

export type Period = { start: Date; end: Date; label: string; kind: 'week' | 'month' | 'custom' };
export type LocalParts = { day: number; week: number; isoDow: number; hour: number };

const DAY = 86_400_000;
const SLOT = 900_000; // offsets change only on quarter hours: cache them per 15 minutes of UTC

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of `tz` from UTC at `instant`, in ms (positive east of Greenwich). */
export function tzOffsetMs(tz: string, instant: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The offset of `tz` at any instant, for reading many calls. Offsets change only on quarter hours and
 * at most once a day, so a UTC day whose first and last quarter hour have the same offset has it
 * throughout (two Intl lookups per day); only a day with a change is resolved per quarter hour.
 * Calls in the same quarter hour as the previous one — calls read in time order — skip all lookups.
 */
export function zoneOffset(tz: string): (instant: number) => number {
  const days = new Map<number, number | null>();
  const slots = new Map<number, number>();
  let lastSlot = Number.NaN;
  let lastOff = 0;
  return (instant) => {
    const slot = Math.floor(instant / SLOT);
    if (slot === lastSlot) return lastOff;
    const day = Math.floor(instant / DAY);
    let off = days.get(day);
    if (off === undefined) {
      const first = tzOffsetMs(tz, day * DAY);
      off = first === tzOffsetMs(tz, (day + 1) * DAY - SLOT) ? first : null;
      days.set(day, off);
    }
    if (off === null) {
      off = slots.get(slot);
      if (off === undefined) slots.set(slot, (off = tzOffsetMs(tz, slot * SLOT)));
    }
    lastSlot = slot;
    lastOff = off;
    return off;
  };
}

/** Local civil day number (days since 1970-01-01) of a local-time instant (instant + offset). */
export const localDay = (local: number) => Math.floor(local / DAY);
/** Monday-based week number of a local day number (1970-01-05 was the first Monday). */
export const localWeek = (day: number) => Math.floor((day - 4) / 7);
/** Local hour 0–23 of a local-time instant. */
export const localHour = (local: number) => Math.floor((local - Math.floor(local / DAY) * DAY) / 3_600_000);

/**
 * A local-time reader for one zone, for filtering many calls.
 * `day` numbers local civil days since 1970-01-01; `week` numbers Monday-based weeks.
 */
export function localTime(tz: string): (instant: number) => LocalParts {
  const offset = zoneOffset(tz);
  return (instant) => {
    const local = instant + offset(instant);
    const day = localDay(local);
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const isoDow = ((((day + 3) % 7) + 7) % 7) + 1;
    return { day, week: localWeek(day), isoDow, hour: localHour(local) };
  };
}

/** The YYYY-MM-DD of a local day number from `localTime`. */
export const dayKey = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The instant of local midnight starting civil date (y, m 1-12, d) in `tz`. */
export function zonedMidnight(tz: string, y: number, m: number, d: number): Date {
  const guess = Date.UTC(y, m - 1, d);
  const off1 = tzOffsetMs(tz, guess);
  let t = guess - off1;
  const off2 = tzOffsetMs(tz, t);
  if (off2 !== off1) t = guess - off2;
  return new Date(t);
}

function civil(tz: string, instant: number) {
  const d = new Date(instant + tzOffsetMs(tz, instant));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), dow: d.getUTCDay() === 0 ? 7 : d.getUTCDay() };
}

const addDays = (y: number, m: number, d: number, n: number) => {
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

/** ISO 8601 week label of the week starting Monday (y, m, d): "2026-W47". */
function isoWeekLabel(y: number, m: number, d: number) {
  const thursday = new Date(Date.UTC(y, m - 1, d) + 3 * DAY);
  const wy = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(wy, 0, 1)) / (7 * DAY));
  return `${wy}-W${String(week).padStart(2, '0')}`;
}

/** The week (Monday 00:00 to next Monday 00:00) or month containing `instant`, in `tz`. */
export function periodContaining(kind: 'week' | 'month', instant: Date, tz: string): Period {
  const c = civil(tz, instant.getTime());
  if (kind === 'week') {
    const mon = addDays(c.y, c.m, c.d, -(c.dow - 1));
    const next = addDays(mon.y, mon.m, mon.d, 7);
    return {
      kind,
      start: zonedMidnight(tz, mon.y, mon.m, mon.d),
      end: zonedMidnight(tz, next.y, next.m, next.d),
      label: isoWeekLabel(mon.y, mon.m, mon.d)
    };
  }
  const ny = c.m === 12 ? c.y + 1 : c.y;
  const nm = c.m === 12 ? 1 : c.m + 1;
  return {
    kind,
    start: zonedMidnight(tz, c.y, c.m, 1),
    end: zonedMidnight(tz, ny, nm, 1),
    label: `${c.y}-${String(c.m).padStart(2, '0')}`
  };
}

/** The last period of this kind that has fully ended at `now`. */
export function lastClosedPeriod(kind: 'week' | 'month', now: Date, tz: string): Period {
  const current = periodContaining(kind, now, tz);
  return periodContaining(kind, new Date(current.start.getTime() - 1), tz);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A custom range of whole local days, `from` and `to` inclusive (YYYY-MM-DD). Throws a message on bad input. */
export function customPeriod(from: string, to: string, tz: string): Period {
  const a = DATE.exec(from);
  const b = DATE.exec(to);
  if (!a) throw new Error(`period.from must be a date YYYY-MM-DD, got "${from}"`);
  if (!b) throw new Error(`period.to must be a date YYYY-MM-DD, got "${to}"`);
  const [ya, ma, da] = [Number(a[1]), Number(a[2]), Number(a[3])];
  const [yb, mb, db] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const valid = (y: number, m: number, d: number) => {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  };
  if (!valid(ya, ma, da)) throw new Error(`period.from is not a calendar date: "${from}"`);
  if (!valid(yb, mb, db)) throw new Error(`period.to is not a calendar date: "${to}"`);
  if (from > to) throw new Error('period.from must not be after period.to');
  const next = addDays(yb, mb, db, 1);
  return { kind: 'custom', start: zonedMidnight(tz, ya, ma, da), end: zonedMidnight(tz, next.y, next.m, next.d), label: `${from}..${to}` };
}

/** Local civil date (YYYY-MM-DD) of an instant in `tz`. */
export function localDate(tz: string, instant: Date): string {
  const c = civil(tz, instant.getTime());
  return `${c.y}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

/**
 * When work handed out at `now` is due: the end of the (days − 1)-th local day after today, i.e. local
 * midnight `days` days after today's. Handed out on a Monday with 7 days: due at the end of Sunday.
 */
export function dueAtEndOfDay(now: Date, days: number, tz: string): Date {
  const [y, m, d] = localDate(tz, now).split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY);
  return zonedMidnight(tz, t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
