import { invalid } from '../../errors.ts';
import { localDate, zonedMidnight } from '../../sampling/period.ts';

/** Local hour at which the scheduler draws each active plan's list of the day (tenant time zone). */
export const DRAW_HOUR = 6;
/** How many days back a list not drawn on its day may still be drawn by hand. */
export const DRAW_DAYS_BACK = 14;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The day of a draw and the time it is drawn as of: today's list as of now; an earlier day's (one the
 * scheduler missed) as of that day's DRAW_HOUR, so its window is the one it would have had. A future day,
 * or one more than DRAW_DAYS_BACK days ago, is refused.
 */
export function drawDayAndTime(tz: string, now: Date, day: string | undefined): { day: string; at: Date } {
  const today = localDate(tz, now);
  if (day === undefined || day === today) return { day: today, at: now };
  if (day > today) throw invalid(`${day} is in the future: a day's list is drawn on that day`, [{ path: 'day', message: 'in the future' }]);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = new Date(zonedMidnight(tz, y, m, d).getTime() + DRAW_HOUR * HOUR);
  if (localDate(tz, at) !== day) throw invalid(`${day} is not a calendar day`, [{ path: 'day', message: 'not a calendar day' }]);
  if (now.getTime() - at.getTime() > DRAW_DAYS_BACK * DAY)
    throw invalid(`${day} is more than ${DRAW_DAYS_BACK} days ago: its calls are too old to ask about`, [
      { path: 'day', message: `more than ${DRAW_DAYS_BACK} days ago` }
    ]);
  return { day, at };
}
