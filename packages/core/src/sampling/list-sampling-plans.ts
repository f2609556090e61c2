import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageSampling } from '../policy/sampling.ts';
import { clientIdsAudited } from '../policy/principal.ts';
import { PlanDefinition } from './definition.ts';
import { parseInput } from './shared.ts';
import { PlanId } from './plan-checks.ts';
import { planDto } from './plan-dto.ts';

/**
 * Plans visible to the principal: all for managers, their clients' programs for client auditors. Each
 * with its published definition; the draft (work in progress) only for those who manage sampling.
 */
export async function listSamplingPlans({ ctx, input = {} }: { ctx: Ctx; input?: { programId?: number } }) {
  const p = ctx.principal;
  const clientIds = clientIdsAudited(p);
  if (!canManageSampling(p) && clientIds.length === 0) throw forbidden('Only admins, QA analysts and client auditors see sampling plans');
  const data = parseInput(z.object({ programId: PlanId.optional() }), input);
  const manager = canManageSampling(p);
  const conds = [eq(schema.samplingPlans.tenantId, p.tenantId)];
  if (data.programId) conds.push(eq(schema.samplingPlans.programId, data.programId));
  if (!manager) conds.push(inArray(schema.programs.clientId, clientIds));
  const rows = await ctx.db
    .select({
      plan: schema.samplingPlans,
      programName: schema.programs.name,
      clientId: schema.programs.clientId,
      clientName: schema.clients.name,
      published: schema.samplingPlanVersions.definition,
      runs: sql<number>`(select count(*) from sample_runs r where r.plan_id = ${schema.samplingPlans.id})`,
      lastRunAt: sql<number | null>`(select max(r.created_at) from sample_runs r where r.plan_id = ${schema.samplingPlans.id})`
    })
    .from(schema.samplingPlans)
    .innerJoin(schema.programs, eq(schema.programs.id, schema.samplingPlans.programId))
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .leftJoin(
      schema.samplingPlanVersions,
      and(
        eq(schema.samplingPlanVersions.planId, schema.samplingPlans.id),
        eq(schema.samplingPlanVersions.version, schema.samplingPlans.publishedVersion)
      )
    )
    .where(and(...conds))
    .orderBy(schema.programs.name, schema.samplingPlans.name);
  return rows.map((r) => ({
    ...planDto(r.plan),
    draft: manager ? PlanDefinition.parse(r.plan.draft) : null,
    published: r.published == null ? null : PlanDefinition.parse(r.published),
    programName: r.programName,
    clientId: r.clientId,
    clientName: r.clientName,
    runs: Number(r.runs),
    lastRunAt: r.lastRunAt == null ? null : new Date(Number(r.lastRunAt)).toISOString()
  }));
}
