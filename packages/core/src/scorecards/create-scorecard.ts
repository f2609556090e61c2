import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { DomainError, conflict, invalid } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseInput } from '../evaluations/inputs.ts';
import { DefinitionInput } from './inputs.ts';
import { parseDefinition } from '../scoring/parse-definition.ts';
import { scorecardDto, versionDto } from './dto.ts';
import { assertManagesScorecards, insertDraftVersion } from './drafts.ts';
import { currentScorecardVersion } from '../evaluations/score.ts';
import { SCORECARD_PURPOSES } from '@attentive/db/schema/scorecards';

export const CreateScorecardInput = z.object({
  name: plainText({ min: 1, minMessage: 'name is required', max: 200 }),
  description: plainText({ max: 2000, multiline: true }).default(''),
  /** Null or absent: the tenant's shared default scorecard. */
  programId: z.number().int().positive().nullable().default(null),
  /** What it is for: scoring recorded calls (default), or the shopper's form of a mystery call. */
  purpose: z.enum(SCORECARD_PURPOSES).default('calls'),
  /** The first draft's content; empty when absent. */
  definition: DefinitionInput.optional(),
  /**
   * A program's mystery-call form only: start from the current published definition of the program's call
   * scorecard, so the items the two share keep their ids and compare directly (then no `definition`).
   */
  startFrom: z.literal('calls').optional()
});

const purposeWords = { calls: 'scorecard', mystery: 'mystery-call form' } as const;

/**
 * Creates a scorecard with draft version 1. One scorecard per program and purpose (its call scorecard and
 * its mystery-call form), one shared default per tenant and purpose.
 */
export async function createScorecard({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateScorecardInput> }) {
  const data = parseInput(CreateScorecardInput, input);
  const p = ctx.principal;
  assertManagesScorecards(p);
  if (data.startFrom && (data.purpose !== 'mystery' || data.programId == null || data.definition))
    throw invalid("startFrom: only a program's mystery-call form starts from its call scorecard, and then without a definition", [
      { path: 'startFrom', message: "only for a program's mystery-call form (purpose 'mystery', a programId, no definition)" }
    ]);
  let definition = parseDefinition(data.definition ?? { sections: [] });
  return ctx.db.transaction(async (tx) => {
    let programName: string | null = null;
    if (data.programId != null) programName = (await findInTenant(tx, schema.programs, p.tenantId, data.programId, 'Program')).name;
    if (data.startFrom) definition = await callScorecardDefinition(tx, p.tenantId, data.programId!, programName!);
    const [existing] = await tx
      .select({ id: schema.scorecards.id, name: schema.scorecards.name })
      .from(schema.scorecards)
      .where(
        and(
          eq(schema.scorecards.tenantId, p.tenantId),
          eq(schema.scorecards.purpose, data.purpose),
          data.programId == null ? isNull(schema.scorecards.programId) : eq(schema.scorecards.programId, data.programId)
        )
      )
      .limit(1);
    if (existing)
      throw conflict(
        data.programId == null
          ? `The shared default ${purposeWords[data.purpose]} already exists ("${existing.name}", id ${existing.id}): edit it instead`
          : `Program "${programName}" already has a ${purposeWords[data.purpose]} ("${existing.name}", id ${existing.id}): edit it instead`
      );
    const now = nowOf(ctx);
    const [sc] = await tx
      .insert(schema.scorecards)
      .values({
        tenantId: p.tenantId,
        programId: data.programId,
        name: data.name,
        description: data.description,
        purpose: data.purpose,
        createdAt: now,
        createdBy: p.label
      })
      .returning();
    const v = await insertDraftVersion(tx, p, now, { scorecardId: sc!.id, version: 1, definition });
    const after = { name: sc!.name, programId: sc!.programId, purpose: sc!.purpose, versionId: v.id, startFrom: data.startFrom ?? null };
    await writeAudit(tx, ctx, { action: 'scorecard.create', objectType: 'scorecard', objectId: sc!.id, after }, now);
    return { scorecard: scorecardDto(sc!, programName), draft: versionDto(v) };
  });
}

/** The current published definition of the program's call scorecard (its own, else the shared default). */
async function callScorecardDefinition(
  tx: Parameters<typeof currentScorecardVersion>[0],
  tenantId: number,
  programId: number,
  name: string
) {
  try {
    return parseDefinition((await currentScorecardVersion(tx, tenantId, programId)).version.definition);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'PRECONDITION_FAILED') throw e;
    const message = `program "${name}" has no published call scorecard to start from`;
    throw invalid(`startFrom: ${message}`, [{ path: 'startFrom', message }]);
  }
}
