import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canManageSampling, canReadSampleRun } from '../policy/sampling.ts';
import { PlanDefinition } from './definition.ts';
import { loadPlan, loadProgram, parseInput } from './shared.ts';
import { PlanId } from './plan-checks.ts';
import { planDto } from './plan-dto.ts';

/**
 * One plan with its versions (managers; client auditors for their programs). The draft is the contact
 * center's work in progress: only those who manage sampling see it; a client auditor reads published
 * versions only (draft null).
 */
export async function getSamplingPlan({ ctx, input }: { ctx: Ctx; input: { planId: number } }) {
  const data = parseInput(z.object({ planId: PlanId }), input);
  const p = ctx.principal;
  const plan = await loadPlan(ctx.db, p.tenantId, data.planId);
  const program = await loadProgram(ctx.db, p.tenantId, plan.programId);
  if (!canReadSampleRun(p, { tenantId: p.tenantId, clientId: program.clientId })) throw notFound(`Sampling plan ${data.planId}`);
  const versions = await ctx.db
    .select()
    .from(schema.samplingPlanVersions)
    .where(eq(schema.samplingPlanVersions.planId, plan.id))
    .orderBy(desc(schema.samplingPlanVersions.version));
  const dto = planDto(plan);
  return {
    ...dto,
    draft: canManageSampling(p) ? dto.draft : null,
    programName: program.name,
    clientId: program.clientId,
    clientName: program.clientName,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      definition: PlanDefinition.parse(v.definition),
      publishedAt: v.publishedAt.toISOString(),
      publishedBy: v.publishedBy
    }))
  };
}
