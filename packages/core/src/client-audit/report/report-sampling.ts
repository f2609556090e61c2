import { and, desc, eq, lt } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { PlanDefinition } from '@attentive/shared/sampling-plan';
import type { ReportSamplingPlan } from '@attentive/shared/contract-report';

/**
 * How the month's calls were drawn for evaluation: each sampling plan of the program with the latest
 * version published before the month ended (what the scheduler drew that month with), as the plan stores
 * it — period, calls per agent, share of eligible calls, bounds. Plans never published drew nothing.
 */
export async function samplingInForce(
  db: DbOrTx,
  o: { tenantId: number; programId: number; monthEnd: Date }
): Promise<ReportSamplingPlan[]> {
  const sp = schema.samplingPlans;
  const sv = schema.samplingPlanVersions;
  const rows = await db
    .select({ planId: sp.id, name: sp.name, version: sv.version, definition: sv.definition })
    .from(sp)
    .innerJoin(sv, eq(sv.planId, sp.id))
    .where(and(eq(sp.tenantId, o.tenantId), eq(sp.programId, o.programId), lt(sv.publishedAt, o.monthEnd)))
    .orderBy(sp.name, desc(sv.version));
  const out: ReportSamplingPlan[] = [];
  const seen = new Set<number>();
  for (const r of rows) {
    if (seen.has(r.planId)) continue;
    seen.add(r.planId);
    const d = PlanDefinition.safeParse(r.definition);
    if (!d.success) continue;
    const q = d.data.quota;
    out.push({
      name: r.name,
      version: r.version,
      period: d.data.period,
      perAgent: q.perAgent,
      percentOfEligible: q.percentOfEligible,
      min: q.min,
      max: q.max
    });
  }
  return out;
}
