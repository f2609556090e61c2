import type { PlanDefinition } from './definition.ts';
import type { LocalParts } from './period.ts';

/** What the filters look at in a call. */
export type CallFacts = {
  id: number;
  agentId: number;
  startedAt: number;
  queueId: number | null;
  direction: 'inbound' | 'outbound';
  talkSeconds: number;
  disposition: string | null;
  /** Needed only by a plan that keeps calls with audio or a transcript. */
  hasRecording?: boolean;
  hasTranscript?: boolean;
};

/** The column filters: the database applies these in SQL (load-population.ts) with the same meaning. */
export function passesColumnFilters(f: PlanDefinition['filters'], c: CallFacts): boolean {
  if (f.minTalkSeconds != null && c.talkSeconds < f.minTalkSeconds) return false;
  if (f.maxTalkSeconds != null && c.talkSeconds > f.maxTalkSeconds) return false;
  if (f.queueIds.length > 0 && (c.queueId == null || !f.queueIds.includes(c.queueId))) return false;
  if (f.direction !== 'any' && c.direction !== f.direction) return false;
  if (f.dispositions.length > 0 && (c.disposition == null || !f.dispositions.includes(c.disposition))) return false;
  if (f.media === 'recording' && !c.hasRecording) return false;
  if (f.media === 'transcript' && !c.hasTranscript) return false;
  return true;
}

/** The local-time filters (days of week, hours), which need the plan's time zone. */
export function passesTimeFilters(f: PlanDefinition['filters'], local: LocalParts): boolean {
  if (f.daysOfWeek.length > 0 && !f.daysOfWeek.includes(local.isoDow)) return false;
  if (f.hours && (local.hour < f.hours.from || local.hour >= f.hours.to)) return false;
  return true;
}

/** The whole rule: in the period, passes every filter, and not excluded (already evaluated or sampled). */
export function isEligible(
  def: PlanDefinition,
  period: { start: number; end: number },
  excluded: ReadonlySet<number>,
  local: (instant: number) => LocalParts,
  c: CallFacts
): boolean {
  return (
    c.startedAt >= period.start &&
    c.startedAt < period.end &&
    passesColumnFilters(def.filters, c) &&
    passesTimeFilters(def.filters, local(c.startedAt)) &&
    !excluded.has(c.id)
  );
}
