import { formatPeriodDates } from '@attentive/shared/period';
import { PlanDefinition } from '@attentive/shared/sampling-plan';
import type { PlanPreview, RunDetail, WorkQueue } from '$lib/api/types';

/** A plan definition: the shared schema's type (what the API validates and answers). */
export type Definition = PlanDefinition;

/**
 * A new plan's starting point: the shared schema's defaults (the same the API applies), with the quota
 * and minimum talk time a new contact center usually starts from.
 */
export const DEFAULT_DEFINITION: Definition = PlanDefinition.parse({
  quota: { perAgent: 4, newAgent: { months: 3, perAgent: 8 } },
  filters: { minTalkSeconds: 30 }
});

/** The sampling screens' names for the API's answers (derived from the typed client, never written by hand). */
export type { SamplingOptions, PlanListItem, PlanDetail, RunListItem, RunDetail, Verification, WorkQueue } from '$lib/api/types';
export type Preview = PlanPreview;
export type RunItem = RunDetail['items'][number];
export type LedgerRow = RunDetail['ledger'][number];
export type WorkItem = WorkQueue['items'][number];

/** A period as people read it, in the plan's zone with an inclusive end: "2026-11-23 – 2026-11-29". */
export const periodText = (p: { periodFrom: string; periodTo: string } | { from: string; to: string }) =>
  'periodFrom' in p ? formatPeriodDates({ from: p.periodFrom, to: p.periodTo }) : formatPeriodDates(p);
