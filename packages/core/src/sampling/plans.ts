import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canManageSampling, canReadSampleRun } from '../policy/sampling.ts';
import { clientIdsAudited } from '../policy/principal.ts';
import { PlanDefinition } from './definition.ts';
import { checkQueues, loadPlan, loadProgram, parseDefinition, parseInput } from './shared.ts';

const Id = z.number().int().positive();
const Name = plainText({ min: 1, minMessage: 'name is required', max: 120 });

export const CreatePlanInput = z.object({ programId: Id, name: Name, definition: z.unknown() });
export const UpdatePlanInput = z.object({
  planId: Id,
  name: Name.optional(),
  definition: z.unknown().optional(),
  active: z.boolean().optional()
});

const requireManager = (ctx: Ctx) => {
  if (!canManageSampling(ctx.principal)) throw forbidden('Only admins and QA analysts manage sampling plans');
};

const isUnique = (e: unknown) => /UNIQUE constraint failed/i.test(String((e as { cause?: unknown })?.cause ?? e) + String(e));

/** Creates a plan with a draft definition (validated; queues must belong to the program). */
export async function createSamplingPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreatePlanInput> }) {
  requireManager(ctx);
  const data = parseInput(CreatePlanInput, input);
  const def = parseDefinition(data.definition);
  const p = ctx.principal;
  try {
    return await ctx.db.transaction(async (tx) => {
      await loadProgram(tx, p.tenantId, data.programId);
      await checkQueues(tx, p.tenantId, data.programId, def);
      const now = nowOf(ctx);
      const [row] = await tx
        .insert(schema.samplingPlans)
        .values({ tenantId: p.tenantId, programId: data.programId, name: data.name, draft: def, updatedAt: now })
        .returning();
      const after = { name: data.name, programId: data.programId, definition: def };
      await writeAudit(tx, ctx, { action: 'sampling_plan.create', objectType: 'sampling_plan', objectId: row!.id, after }, now);
      return planDto(row!);
    });
  } catch (e) {
    if (isUnique(e)) throw conflict(`This program already has a sampling plan named "${data.name}"`);
    throw e;
  }
}

/** Edits the draft (name, definition, active). Published versions never change. */
export async function updateSamplingPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof UpdatePlanInput> }) {
  requireManager(ctx);
  const data = parseInput(UpdatePlanInput, input);
  const def = data.definition === undefined ? undefined : parseDefinition(data.definition);
  const p = ctx.principal;
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await loadPlan(tx, p.tenantId, data.planId);
      if (def) await checkQueues(tx, p.tenantId, before.programId, def);
      const unchanged =
        (data.name === undefined || data.name === before.name) &&
        (data.active == null || data.active === before.active) &&
        (def === undefined || sameDefinition(def, before.draft));
      if (unchanged) return planDto(before); // saving what is there already: nothing to write or audit
      const now = nowOf(ctx);
      const [row] = await tx
        .update(schema.samplingPlans)
        .set({
          ...(data.name ? { name: data.name } : {}),
          ...(def ? { draft: def } : {}),
          ...(data.active != null ? { active: data.active } : {}),
          updatedAt: now
        })
        .where(eq(schema.samplingPlans.id, before.id))
        .returning();
      const after = { name: row!.name, active: row!.active, definition: row!.draft };
      await writeAudit(
        tx,
        ctx,
        {
          action: 'sampling_plan.update',
          objectType: 'sampling_plan',
          objectId: before.id,
          before: { name: before.name, active: before.active, definition: before.draft },
          after
        },
        now
      );
      return planDto(row!);
    });
  } catch (e) {
    if (isUnique(e)) throw conflict(`This program already has a sampling plan named "${data.name}"`);
    throw e;
  }
}

/** Two plan definitions that draw the same (compared after parsing, so defaults and key order do not matter). */
function sameDefinition(a: unknown, b: unknown): boolean {
  return JSON.stringify(PlanDefinition.parse(a)) === JSON.stringify(PlanDefinition.parse(b));
}

/**
 * Freezes the draft as the next version; the scheduler and new runs use the latest version.
 * Publishing a draft equal to the latest version returns that version (`created: false`): a repeated
 * click or retried request makes no new version and no audit row.
 */
export async function publishSamplingPlan({ ctx, input }: { ctx: Ctx; input: { planId: number } }) {
  requireManager(ctx);
  const data = parseInput(z.object({ planId: Id }), input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, p.tenantId, data.planId);
    const def = parseDefinition(plan.draft);
    if (plan.publishedVersion != null) {
      const [latest] = await tx
        .select()
        .from(schema.samplingPlanVersions)
        .where(and(eq(schema.samplingPlanVersions.planId, plan.id), eq(schema.samplingPlanVersions.version, plan.publishedVersion)))
        .limit(1);
      if (latest && sameDefinition(latest.definition, def)) return { ...latest, created: false };
    }
    await checkQueues(tx, p.tenantId, plan.programId, def);
    const version = (plan.publishedVersion ?? 0) + 1;
    const now = nowOf(ctx);
    const [row] = await tx
      .insert(schema.samplingPlanVersions)
      .values({ tenantId: p.tenantId, planId: plan.id, version, definition: def, publishedAt: now, publishedBy: p.label })
      .returning();
    await tx.update(schema.samplingPlans).set({ publishedVersion: version, updatedAt: now }).where(eq(schema.samplingPlans.id, plan.id));
    const after = { version, definition: def };
    await writeAudit(tx, ctx, { action: 'sampling_plan.publish', objectType: 'sampling_plan', objectId: plan.id, after }, now);
    return { ...row!, created: true };
  });
}

/** Plans visible to the principal: all for managers, their clients' programs for client auditors. */
export async function listSamplingPlans({ ctx, input = {} }: { ctx: Ctx; input?: { programId?: number } }) {
  const p = ctx.principal;
  const clientIds = clientIdsAudited(p);
  if (!canManageSampling(p) && clientIds.length === 0) throw forbidden('Only admins, QA analysts and client auditors see sampling plans');
  const data = parseInput(z.object({ programId: Id.optional() }), input);
  const conds = [eq(schema.samplingPlans.tenantId, p.tenantId)];
  if (data.programId) conds.push(eq(schema.samplingPlans.programId, data.programId));
  if (!canManageSampling(p)) conds.push(inArray(schema.programs.clientId, clientIds));
  const rows = await ctx.db
    .select({
      plan: schema.samplingPlans,
      programName: schema.programs.name,
      clientId: schema.programs.clientId,
      clientName: schema.clients.name,
      runs: sql<number>`(select count(*) from sample_runs r where r.plan_id = ${schema.samplingPlans.id})`,
      lastRunAt: sql<number | null>`(select max(r.created_at) from sample_runs r where r.plan_id = ${schema.samplingPlans.id})`
    })
    .from(schema.samplingPlans)
    .innerJoin(schema.programs, eq(schema.programs.id, schema.samplingPlans.programId))
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .where(and(...conds))
    .orderBy(schema.programs.name, schema.samplingPlans.name);
  return rows.map((r) => ({
    ...planDto(r.plan),
    programName: r.programName,
    clientId: r.clientId,
    clientName: r.clientName,
    runs: Number(r.runs),
    lastRunAt: r.lastRunAt == null ? null : new Date(Number(r.lastRunAt)).toISOString()
  }));
}

/** One plan with its versions (managers; client auditors for their programs). */
export async function getSamplingPlan({ ctx, input }: { ctx: Ctx; input: { planId: number } }) {
  const data = parseInput(z.object({ planId: Id }), input);
  const p = ctx.principal;
  const plan = await loadPlan(ctx.db, p.tenantId, data.planId);
  const program = await loadProgram(ctx.db, p.tenantId, plan.programId);
  if (!canReadSampleRun(p, { tenantId: p.tenantId, clientId: program.clientId })) throw notFound(`Sampling plan ${data.planId}`);
  const versions = await ctx.db
    .select()
    .from(schema.samplingPlanVersions)
    .where(eq(schema.samplingPlanVersions.planId, plan.id))
    .orderBy(desc(schema.samplingPlanVersions.version));
  return {
    ...planDto(plan),
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

export function planDto(p: typeof schema.samplingPlans.$inferSelect) {
  return {
    id: p.id,
    programId: p.programId,
    name: p.name,
    draft: PlanDefinition.parse(p.draft),
    publishedVersion: p.publishedVersion,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString()
  };
}
