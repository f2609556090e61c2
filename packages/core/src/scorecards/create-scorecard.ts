import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { DefinitionInput } from './inputs.ts';
import { parseDefinition } from '../scoring/parse-definition.ts';
import { scorecardDto, versionDto } from './dto.ts';
import { assertManagesScorecards, insertDraftVersion } from './drafts.ts';

export const CreateScorecardInput = z.object({
  name: plainText({ min: 1, minMessage: 'name is required', max: 200 }),
  description: plainText({ max: 2000, multiline: true }).default(''),
  /** Null or absent: the tenant's shared default scorecard. */
  programId: z.number().int().positive().nullable().default(null),
  /** The first draft's content; empty when absent. */
  definition: DefinitionInput.optional()
});

/** Creates a scorecard with draft version 1. One scorecard per program, one shared default per tenant. */
export async function createScorecard({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateScorecardInput> }) {
  const data = parseInput(CreateScorecardInput, input);
  const p = ctx.principal;
  assertManagesScorecards(p);
  const definition = parseDefinition(data.definition ?? { sections: [] });
  return ctx.db.transaction(async (tx) => {
    let programName: string | null = null;
    if (data.programId != null) programName = (await findInTenant(tx, schema.programs, p.tenantId, data.programId, 'Program')).name;
    const [existing] = await tx
      .select({ id: schema.scorecards.id, name: schema.scorecards.name })
      .from(schema.scorecards)
      .where(
        and(
          eq(schema.scorecards.tenantId, p.tenantId),
          data.programId == null ? isNull(schema.scorecards.programId) : eq(schema.scorecards.programId, data.programId)
        )
      )
      .limit(1);
    if (existing)
      throw conflict(
        data.programId == null
          ? `The shared default scorecard already exists ("${existing.name}", id ${existing.id}): edit it instead`
          : `Program "${programName}" already has a scorecard ("${existing.name}", id ${existing.id}): edit it instead`
      );
    const now = nowOf(ctx);
    const [sc] = await tx
      .insert(schema.scorecards)
      .values({
        tenantId: p.tenantId,
        programId: data.programId,
        name: data.name,
        description: data.description,
        createdAt: now,
        createdBy: p.label
      })
      .returning();
    const v = await insertDraftVersion(tx, p, now, { scorecardId: sc!.id, version: 1, definition });
    const after = { name: sc!.name, programId: sc!.programId, versionId: v.id };
    await writeAudit(tx, ctx, { action: 'scorecard.create', objectType: 'scorecard', objectId: sc!.id, after }, now);
    return { scorecard: scorecardDto(sc!, programName), draft: versionDto(v) };
  });
}
