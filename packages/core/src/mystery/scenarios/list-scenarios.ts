import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canReadProgramScenarios, canReadScenarios, scenarioClientIds } from '../../policy/mystery.ts';
import { findInTenant } from '../../access/scoped.ts';
import { scenarioDto } from './dto.ts';
import { versionsOf } from './load.ts';

export const ListScenariosInput = z.object({
  /** One program's library; absent: every program the principal may read. */
  programId: Id.optional(),
  /** Retired scenarios too (they stay readable); default: only those in use. */
  includeRetired: z.boolean().default(false)
});

/** The scenario library: managers see every program's, client auditors their own clients' programs' (read-only). */
export async function listScenarios({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListScenariosInput> }) {
  const p = ctx.principal;
  if (!canReadScenarios(p)) throw forbidden('Only admins, QA analysts and client auditors read the scenario library');
  const data = parseInput(ListScenariosInput, input);
  const s = schema.mysteryScenarios;
  const conds: SQL[] = [eq(s.tenantId, p.tenantId)];
  if (data.programId != null) {
    const program = await findInTenant(ctx.db, schema.programs, p.tenantId, data.programId, 'Program');
    if (!canReadProgramScenarios(p, program)) throw notFound(`Program ${data.programId}`);
    conds.push(eq(s.programId, data.programId));
  }
  const clientIds = scenarioClientIds(p);
  if (clientIds !== 'all') conds.push(inArray(schema.programs.clientId, clientIds));
  if (!data.includeRetired) conds.push(isNull(s.retiredAt));
  const rows = await ctx.db
    .select({ scenario: s, programName: schema.programs.name, clientId: schema.programs.clientId })
    .from(s)
    .innerJoin(schema.programs, eq(schema.programs.id, s.programId))
    .where(and(...conds))
    .orderBy(schema.programs.name, desc(s.createdAt), desc(s.id));
  const versions = await versionsOf(
    ctx.db,
    rows.map((r) => r.scenario.id)
  );
  return { items: rows.map((r) => scenarioDto(r, versions)) };
}
