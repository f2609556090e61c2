import { DEFAULT_TIME_ZONE } from '@attentive/shared/settings';
import { sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { periodDates } from '@attentive/shared/period';

/** The time zone a run's period was cut in (its plan version's), for showing the period's local dates. */
export const runTimezone = sql<
  string | null
>`(select json_extract(v.definition, '$.timezone') from sampling_plan_versions v where v.id = ${schema.sampleRuns.planVersionId})`;

/** A run's period as local dates, both inclusive (display fields beside the exact instants). */
export function periodDisplay(start: Date, end: Date, timezone: string | null | undefined) {
  const d = periodDates(start, end, timezone || DEFAULT_TIME_ZONE);
  return { periodFrom: d.from, periodTo: d.to };
}

/** A run as the API shows it: instants as ISO strings, the period also as local dates. */
export function runDto(r: typeof schema.sampleRuns.$inferSelect, timezone: string | null | undefined) {
  return {
    id: r.id,
    planId: r.planId,
    planVersionId: r.planVersionId,
    programId: r.programId,
    purpose: r.purpose,
    trigger: r.trigger,
    seed: r.seed,
    seedSource: r.seedSource,
    periodStart: r.periodStart.toISOString(),
    periodEnd: r.periodEnd.toISOString(),
    periodLabel: r.periodLabel,
    ...periodDisplay(r.periodStart, r.periodEnd, timezone),
    populationHash: r.populationHash,
    populationSize: r.populationSize,
    selectedCount: r.selectedCount,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null
  };
}
