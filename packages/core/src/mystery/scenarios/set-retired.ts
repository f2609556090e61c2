import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { scenarioEditor } from './editor.ts';
import { scenarioDetail } from './load.ts';

export const ScenarioIdInput = z.object({ scenarioId: Id });

/** Retires (`retire`) or restores a scenario, audited; when it is so already, nothing changes and nothing is written. */
export function setRetired(ctx: Ctx, input: unknown, retire: boolean) {
  const edit = scenarioEditor(ctx);
  const { scenarioId } = parseInput(ScenarioIdInput, input);
  return edit(scenarioId, async (tx, row) => {
    const s = row.scenario;
    if ((s.retiredAt != null) === retire) return scenarioDetail(tx, row);
    const now = nowOf(ctx);
    const change = retire ? { retiredAt: now, retiredBy: ctx.principal.label } : { retiredAt: null, retiredBy: null };
    const [updated] = await tx.update(schema.mysteryScenarios).set(change).where(eq(schema.mysteryScenarios.id, s.id)).returning();
    const state = (x: typeof s) => ({ retiredAt: x.retiredAt?.toISOString() ?? null, retiredBy: x.retiredBy });
    await writeAudit(
      tx,
      ctx,
      {
        action: retire ? 'mystery_scenario.retire' : 'mystery_scenario.restore',
        objectType: 'mystery_scenario',
        objectId: s.id,
        before: state(s),
        after: state(updated!)
      },
      now
    );
    return scenarioDetail(tx, { ...row, scenario: updated! });
  });
}
