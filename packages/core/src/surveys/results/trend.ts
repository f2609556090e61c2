import { wilsonInterval, MeanAccumulator } from '../../stats/intervals.ts';
import type { ResponseScores } from './metrics.ts';

/** The Monday of a local day's ISO week, as YYYY-MM-DD (calendar arithmetic in UTC: a day has no zone). */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Week by week (by the day the items were drawn): items drawn, responses, CSAT mean and FCR share. Only weeks
 * with drawn items, oldest first. Pure.
 */
export function weeklyTrend(items: readonly { day: string; response: ResponseScores | null }[]) {
  const weeks = new Map<string, { drawn: number; responses: number; csat: MeanAccumulator; solved: number; fcrN: number }>();
  for (const it of items) {
    const key = weekOf(it.day);
    let w = weeks.get(key);
    if (!w) weeks.set(key, (w = { drawn: 0, responses: 0, csat: new MeanAccumulator(), solved: 0, fcrN: 0 }));
    w.drawn++;
    const r = it.response;
    if (!r) continue;
    w.responses++;
    if (r.csat != null) w.csat.add(r.csat);
    if (r.fcrSolved != null) {
      w.fcrN++;
      if (r.fcrSolved) w.solved++;
    }
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, w]) => ({
      week,
      drawn: w.drawn,
      responses: w.responses,
      csat: w.csat.interval({ bounds: [1, 5] }),
      fcr: wilsonInterval(w.solved, w.fcrN)
    }));
}
