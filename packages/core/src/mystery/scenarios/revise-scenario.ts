import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { ReviseScenarioBody, ScenarioContent } from '@attentive/shared/mystery-scenarios';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { scenarioEditor } from './editor.ts';
import { assertScenarioScorecard } from './scorecard-check.ts';
import { scenarioDetail } from './load.ts';

export const ReviseScenarioInput = ReviseScenarioBody.extend({ scenarioId: Id });

const CONTENT_FIELDS = Object.keys(ScenarioContent.shape) as (keyof z.infer<typeof ScenarioContent>)[];

/**
 * Changes a scenario: its next version, with a note of what changed. Versions are never changed (a trigger
 * refuses it): assignments and results keep the version they were made with. Sending the version you edited
 * guards against two editors: a newer one is a CONFLICT. A retired scenario is not changed (restore it first).
 */
export async function reviseScenario({ ctx, input }: { ctx: Ctx; input: z.input<typeof ReviseScenarioInput> }) {
  const edit = scenarioEditor(ctx);
  const { scenarioId, baseVersion, note, ...content } = parseInput(ReviseScenarioInput, input);
  return edit(scenarioId, async (tx, row) => {
    const s = row.scenario;
    if (s.retiredAt) throw conflict(`Scenario ${s.id} is retired: restore it before changing it`);
    const [latest] = await tx
      .select()
      .from(schema.mysteryScenarioVersions)
      .where(eq(schema.mysteryScenarioVersions.scenarioId, s.id))
      .orderBy(desc(schema.mysteryScenarioVersions.version))
      .limit(1);
    if (latest!.version !== baseVersion)
      throw conflict(`The scenario changed meanwhile (now version ${latest!.version}; you edited version ${baseVersion}): reload it`);
    // The same content again (a repeated submit) makes no version and no audit row.
    if (CONTENT_FIELDS.every((k) => latest![k] === content[k])) return scenarioDetail(tx, row);
    await assertScenarioScorecard(tx, s.tenantId, s.programId, content.scorecardId);
    const now = nowOf(ctx);
    const p = ctx.principal;
    const [v] = await tx
      .insert(schema.mysteryScenarioVersions)
      .values({
        tenantId: s.tenantId,
        scenarioId: s.id,
        version: latest!.version + 1,
        ...content,
        note,
        createdAt: now,
        createdBy: p.label
      })
      .returning();
    const after = { version: v!.version, versionId: v!.id, note, ...content };
    await writeAudit(tx, ctx, { action: 'mystery_scenario.revise', objectType: 'mystery_scenario', objectId: s.id, after }, now);
    return scenarioDetail(tx, row);
  });
}
