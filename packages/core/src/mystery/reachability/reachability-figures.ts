import type { ReachabilityCell, ReachabilityFigures } from '@attentive/shared/mystery-reachability';
import { MeanAccumulator, wilsonInterval } from '../../stats/intervals.ts';
import { quantileInterval } from '../../stats/quantile.ts';
import { localTime } from '../../sampling/period.ts';

/** What reachability needs of one mystery call (a row of mystery_calls). */
export type ReachabilityCall = {
  dialledAt: Date;
  outcome: 'answered' | 'never_answered' | 'gave_up';
  /** Set when outcome is 'answered'. */
  answeredAt: Date | null;
  menuSteps: number;
  transfers: number;
};

/** Seconds from dialling to a person answering; null when nobody answered. */
export const answerSeconds = (c: Pick<ReachabilityCall, 'dialledAt' | 'outcome' | 'answeredAt'>) =>
  c.outcome === 'answered' && c.answeredAt ? Math.max(0, (c.answeredAt.getTime() - c.dialledAt.getTime()) / 1000) : null;

/** Running totals of one group of calls; `figures` turns them into estimates with intervals. */
class Tally {
  n = 0;
  withinTarget = 0;
  neverReached = 0;
  readonly answerTimes: number[] = [];
  readonly answer = new MeanAccumulator();
  readonly menu = new MeanAccumulator();
  readonly transfers = new MeanAccumulator();

  add(c: ReachabilityCall, targetSeconds: number) {
    this.n++;
    this.menu.add(c.menuSteps);
    const s = answerSeconds(c);
    if (s == null) {
      this.neverReached++;
      return;
    }
    if (s <= targetSeconds) this.withinTarget++;
    this.answerTimes.push(s);
    this.answer.add(s);
    this.transfers.add(c.transfers);
  }

  figures(): ReachabilityFigures {
    return {
      n: this.n,
      serviceLevel: wilsonInterval(this.withinTarget, this.n),
      meanAnswerSeconds: this.answer.interval({ bounds: [0, Infinity] }),
      p90AnswerSeconds: quantileInterval(this.answerTimes, 0.9),
      neverReached: wilsonInterval(this.neverReached, this.n),
      menuSteps: this.menu.interval({ bounds: [0, Infinity] }),
      transfers: this.transfers.interval({ bounds: [0, Infinity] })
    };
  }
}

/**
 * Reachability of a set of mystery calls, overall and per weekday × hour of dialling on the contact
 * center's clock (`timeZone`). Service level = answered by a person within `targetSeconds` over ALL calls:
 * a call nobody answered, or the shopper gave up on, missed the target. Answer times (mean, 90th
 * percentile) and transfers are over answered calls; menu depth over all calls (the menu comes first).
 * Cells list only weekday × hour slots with calls, each with its own n.
 */
export function reachabilityFigures(
  calls: Iterable<ReachabilityCall>,
  opts: { timeZone: string; targetSeconds: number }
): { overall: ReachabilityFigures; cells: ReachabilityCell[] } {
  const local = localTime(opts.timeZone);
  const overall = new Tally();
  const cells = new Map<number, Tally>();
  for (const c of calls) {
    overall.add(c, opts.targetSeconds);
    const { isoDow, hour } = local(c.dialledAt.getTime());
    const key = isoDow * 24 + hour;
    let t = cells.get(key);
    if (!t) cells.set(key, (t = new Tally()));
    t.add(c, opts.targetSeconds);
  }
  return {
    overall: overall.figures(),
    cells: [...cells.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, t]) => ({ weekday: Math.floor(key / 24), hour: key % 24, ...t.figures() }))
  };
}
