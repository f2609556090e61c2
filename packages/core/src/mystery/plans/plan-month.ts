import { createHmac } from 'node:crypto';
import type { MysteryGridCell } from '@attentive/db/schema/mystery';
import { tzOffsetMs, zonedMidnight } from '../../sampling/period.ts';

/**
 * The mystery-call planner (pure): which calls to make in a month, when, with which scenario and by whom.
 *
 * 1. Calls are divided over the weekday × hour cells with weight > 0 in proportion to the weights, by
 *    largest remainder (each cell gets ⌊calls·w/Σw⌋ or one more).
 * 2. A cell's calls are spread over the dates in the month that fall on its weekday, round-robin in a
 *    seeded order, so no date gets two before every date has one. Each call's window starts on the hour
 *    (local time in `timeZone`) and lasts `windowMinutes` (default 60, at most 60: it stays in its cell).
 *    An hour that does not exist on a date (the spring daylight-saving jump) is skipped for that date.
 * 3. In time order, shoppers take turns (balanced within one call, and two calls in the same window go to
 *    different shoppers when there are several); each call gets the scenario that (a) is not the one this
 *    shopper had last, (b) has been used least, (c) comes first in a seeded order that interleaves
 *    difficulties — never one used ⌈calls/scenarios⌉ times already. So no scenario repeats too often, and a
 *    shopper gets the same scenario twice in a row only when every other one is used up.
 *
 * Every choice between equals is decided by HMAC(seed, label), so a seed gives one plan, always.
 */

export type PlanMonthInput = {
  /** 'YYYY-MM', a calendar month in `timeZone`. */
  month: string;
  /** IANA zone of the contact center (the tenant's). */
  timeZone: string;
  calls: number;
  /** Weekday (1 = Monday … 7 = Sunday) × hour (0–23) cells and their weights; repeated cells add up. */
  weights: MysteryGridCell[];
  scenarios: { versionId: number; difficulty: 'easy' | 'medium' | 'hard' }[];
  shopperIds: number[];
  windowMinutes?: number;
  seed: string;
};

export type PlannedCall = {
  windowStart: Date;
  windowEnd: Date;
  weekday: number;
  hour: number;
  scenarioVersionId: number;
  shopperId: number;
};

const HOUR = 3_600_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DIFFICULTY_ORDER = ['easy', 'medium', 'hard'] as const;

/** Orders things "randomly" but reproducibly: by HMAC(seed, label). */
function seededOrder(seed: string) {
  return <T>(items: T[], label: (t: T) => string): T[] =>
    items
      .map((item) => ({ item, key: createHmac('sha256', seed).update(label(item)).digest('hex') }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => x.item);
}

/** The instant local hour `h` starts on date y-m-d in `tz`, or null when that hour does not exist there. */
function localHourStart(tz: string, y: number, m: number, d: number, h: number): number | null {
  const wanted = Date.UTC(y, m - 1, d, h);
  // Midnight is resolved by the shared helper; add the hours, then correct by the offset at that instant
  // (it differs from midnight's on a daylight-saving day).
  let t = zonedMidnight(tz, y, m, d).getTime() + h * HOUR;
  t += wanted - (t + tzOffsetMs(tz, t));
  return t + tzOffsetMs(tz, t) === wanted ? t : null;
}

/** Cell counts in proportion to the weights by largest remainder; equal remainders by seeded order. */
function divideCalls(calls: number, cells: MysteryGridCell[], order: ReturnType<typeof seededOrder>): Map<MysteryGridCell, number> {
  const total = cells.reduce((s, c) => s + c.weight, 0);
  const counts = new Map<MysteryGridCell, number>();
  let given = 0;
  for (const c of cells) {
    const n = Math.floor((calls * c.weight) / total);
    counts.set(c, n);
    given += n;
  }
  const byRemainder = order(cells, (c) => `cell:${c.weekday}:${c.hour}`)
    .map((c) => ({ c, rem: (calls * c.weight) / total - counts.get(c)! }))
    .sort((a, b) => b.rem - a.rem);
  for (const { c } of byRemainder.slice(0, calls - given)) counts.set(c, counts.get(c)! + 1);
  return counts;
}

/** Throws a message naming the field for input a caller should have refused. */
function checkInput(input: PlanMonthInput, windowMinutes: number) {
  if (!MONTH.test(input.month)) throw new Error(`month must be YYYY-MM, got "${input.month}"`);
  if (!Number.isInteger(input.calls) || input.calls < 0) throw new Error('calls must be a whole number ≥ 0');
  if (!Number.isInteger(windowMinutes) || windowMinutes < 1 || windowMinutes > 60) throw new Error('windowMinutes must be 1–60');
  for (const c of input.weights) {
    if (!Number.isInteger(c.weekday) || c.weekday < 1 || c.weekday > 7) throw new Error(`weekday must be 1–7, got ${c.weekday}`);
    if (!Number.isInteger(c.hour) || c.hour < 0 || c.hour > 23) throw new Error(`hour must be 0–23, got ${c.hour}`);
    if (!Number.isFinite(c.weight) || c.weight < 0) throw new Error(`weight must be ≥ 0, got ${c.weight}`);
  }
  if (input.calls === 0) return;
  if (!input.weights.some((c) => c.weight > 0)) throw new Error('at least one weekday × hour needs a weight above 0');
  if (input.scenarios.length === 0) throw new Error('at least one scenario is needed');
  if (input.shopperIds.length === 0) throw new Error('at least one shopper is needed');
}

/** Repeated cells add up; cells with weight 0 drop out. Sorted, so the input's order never matters. */
function mergeCells(weights: MysteryGridCell[]): MysteryGridCell[] {
  const byKey = new Map<number, MysteryGridCell>();
  for (const c of weights) {
    if (c.weight <= 0) continue;
    const key = c.weekday * 24 + c.hour;
    const seen = byKey.get(key);
    byKey.set(key, { weekday: c.weekday, hour: c.hour, weight: (seen?.weight ?? 0) + c.weight });
  }
  return [...byKey.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

/** Scenarios in a seeded order that takes easy, medium and hard in turn, so each difficulty is spread out. */
function scenarioOrder(scenarios: PlanMonthInput['scenarios'], order: ReturnType<typeof seededOrder>): number[] {
  const unique = [...new Map(scenarios.map((s) => [s.versionId, s])).values()];
  const groups = DIFFICULTY_ORDER.map((d) =>
    order(
      unique.filter((s) => s.difficulty === d),
      (s) => `scenario:${s.versionId}`
    )
  );
  const out: number[] = [];
  for (let i = 0; out.length < unique.length; i++) for (const g of groups) if (g[i]) out.push(g[i]!.versionId);
  return out;
}

export function planMonth(input: PlanMonthInput): PlannedCall[] {
  const windowMinutes = input.windowMinutes ?? 60;
  checkInput(input, windowMinutes);
  if (input.calls === 0) return [];
  const order = seededOrder(input.seed);
  const [y, m] = input.month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const weekdayOf = (d: number) => ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;

  // 1–2: when.
  type Slot = { weekday: number; hour: number; start: number; tie: number };
  const slots: Slot[] = [];
  const cells = mergeCells(input.weights);
  for (const [cell, count] of divideCalls(input.calls, cells, order)) {
    if (count === 0) continue;
    const dates: number[] = [];
    for (let d = 1; d <= daysInMonth; d++) {
      if (weekdayOf(d) !== cell.weekday) continue;
      const start = localHourStart(input.timeZone, y, m, d, cell.hour);
      if (start !== null) dates.push(start);
    }
    const spread = order(dates, (t) => `date:${cell.weekday}:${cell.hour}:${t}`);
    for (let i = 0; i < count; i++) slots.push({ weekday: cell.weekday, hour: cell.hour, start: spread[i % spread.length]!, tie: i });
  }
  slots.sort((a, b) => a.start - b.start || a.tie - b.tie);

  // 3: who and which scenario.
  const shoppers = order([...new Set(input.shopperIds)], (id) => `shopper:${id}`);
  const scenarios = scenarioOrder(input.scenarios, order);
  const cap = Math.ceil(input.calls / scenarios.length);
  const used = new Map(scenarios.map((s) => [s, 0]));
  const lastOf = new Map<number, number>();
  return slots.map((slot, i) => {
    const shopperId = shoppers[i % shoppers.length]!;
    const last = lastOf.get(shopperId);
    let best: number | undefined;
    for (const s of scenarios) {
      if (used.get(s)! >= cap) continue;
      if (best === undefined) best = s;
      else {
        const better = (s !== last ? 0 : 1) - (best !== last ? 0 : 1) || used.get(s)! - used.get(best)!;
        if (better < 0) best = s;
      }
    }
    // Σ capacity (scenarios × cap) ≥ calls, so some scenario is always below its cap.
    const scenarioVersionId = best!;
    used.set(scenarioVersionId, used.get(scenarioVersionId)! + 1);
    lastOf.set(shopperId, scenarioVersionId);
    return {
      windowStart: new Date(slot.start),
      windowEnd: new Date(slot.start + windowMinutes * 60_000),
      weekday: slot.weekday,
      hour: slot.hour,
      scenarioVersionId,
      shopperId
    };
  });
}
