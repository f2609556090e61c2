import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageSampling } from '../policy/sampling.ts';
import { clientIdsAudited } from '../policy/principal.ts';
import { parseInput } from './shared.ts';
import { runDto, runTimezone } from './run-dto.ts';

/** Runs the principal may see, newest first: all for managers, their clients' programs for client auditors. */
export async function listSampleRuns({ ctx, input = {} }: { ctx: Ctx; input?: { planId?: number; programId?: number; limit?: number } }) {
  const data = parseInput(
    z.object({
      planId: z.number().int().positive().optional(),
      programId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50)
    }),
    input
  );
  const p = ctx.principal;
  const clientIds = clientIdsAudited(p);
  if (!canManageSampling(p) && clientIds.length === 0) throw forbidden('Only admins, QA analysts and client auditors see sample runs');
  const conds = [eq(schema.sampleRuns.tenantId, p.tenantId)];
  if (data.planId) conds.push(eq(schema.sampleRuns.planId, data.planId));
  if (data.programId) conds.push(eq(schema.sampleRuns.programId, data.programId));
  if (!canManageSampling(p)) conds.push(inArray(schema.programs.clientId, clientIds));
  const rows = await ctx.db
    .select({
      run: schema.sampleRuns,
      timezone: runTimezone,
      planName: schema.samplingPlans.name,
      programName: schema.programs.name,
      clientName: schema.clients.name
    })
    .from(schema.sampleRuns)
    .innerJoin(schema.samplingPlans, eq(schema.samplingPlans.id, schema.sampleRuns.planId))
    .innerJoin(schema.programs, eq(schema.programs.id, schema.sampleRuns.programId))
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .where(and(...conds))
    .orderBy(desc(schema.sampleRuns.periodStart), desc(schema.sampleRuns.id))
    .limit(data.limit);
  return rows.map((r) => ({ ...runDto(r.run, r.timezone), planName: r.planName, programName: r.programName, clientName: r.clientName }));
}
