import type { ImportedServiceLevel } from '@attentive/shared/mystery-reachability';
import { tIntervalFromMoments, wilsonInterval } from '../../stats/intervals.ts';
import { localTime } from '../../sampling/period.ts';

/** Imported calls of one UTC hour, summed in SQL: how many, how many answered within target, and the seconds. */
export type HourBucket = { hourStart: number; count: number; within: number; sumSeconds: number; sumSquares: number };

/**
 * The imported calls' own service level, overall and per weekday × hour on the contact center's clock,
 * from UTC hour buckets (a year of calls is at most 8,784 buckets, however many calls). An hour bucket
 * lands in the local hour its start falls in — exact for zones a whole number of hours from UTC.
 * Imported call records hold answered calls only, so this is "answered within target / answered", not
 * "/ all calls" as the mystery calls' service level is.
 */
export function importedServiceLevel(buckets: Iterable<HourBucket>, timeZone: string): ImportedServiceLevel {
  const local = localTime(timeZone);
  const cells = new Map<number, { n: number; within: number }>();
  let n = 0;
  let within = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const b of buckets) {
    n += b.count;
    within += b.within;
    sum += b.sumSeconds;
    sumSquares += b.sumSquares;
    const { isoDow, hour } = local(b.hourStart);
    const key = isoDow * 24 + hour;
    const cell = cells.get(key) ?? { n: 0, within: 0 };
    cell.n += b.count;
    cell.within += b.within;
    cells.set(key, cell);
  }
  const mean = n ? sum / n : 0;
  return {
    n,
    serviceLevel: wilsonInterval(within, n),
    meanAnswerSeconds: tIntervalFromMoments({ n, mean, m2: Math.max(0, sumSquares - n * mean * mean) }, { bounds: [0, Infinity] }),
    cells: [...cells.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, c]) => ({ weekday: Math.floor(key / 24), hour: key % 24, n: c.n, serviceLevel: wilsonInterval(c.within, c.n) }))
  };
}
