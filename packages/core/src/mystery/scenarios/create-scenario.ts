import { schema } from '@attentive/db';
import { CreateScenarioInput } from '@attentive/shared/mystery-scenarios';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { parseInput } from '../../input.ts';
import { findInTenant } from '../../access/scoped.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { assertManagesScenarios } from './editor.ts';
import { assertScenarioScorecard } from './scorecard-check.ts';
import { scenarioDetail } from './load.ts';

export { CreateScenarioInput };

/** Adds a scenario to a program's library, as version 1. */
export async function createScenario({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateScenarioInput> }) {
  assertManagesScenarios(ctx);
  const { programId, ...content } = parseInput(CreateScenarioInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const program = await findInTenant(tx, schema.programs, p.tenantId, programId, 'Program');
    await assertScenarioScorecard(tx, p.tenantId, programId, content.scorecardId);
    const [scenario] = await tx
      .insert(schema.mysteryScenarios)
      .values({ tenantId: p.tenantId, programId, createdAt: now, createdBy: p.label })
      .returning();
    const [v] = await tx
      .insert(schema.mysteryScenarioVersions)
      .values({ tenantId: p.tenantId, scenarioId: scenario!.id, version: 1, ...content, note: '', createdAt: now, createdBy: p.label })
      .returning();
    const after = { programId, versionId: v!.id, ...content };
    await writeAudit(tx, ctx, { action: 'mystery_scenario.create', objectType: 'mystery_scenario', objectId: scenario!.id, after }, now);
    return scenarioDetail(tx, { scenario: scenario!, programName: program.name, clientId: program.clientId });
  });
}
