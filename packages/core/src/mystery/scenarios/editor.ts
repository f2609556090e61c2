import type { Tx } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { canManageMystery } from '../../policy/mystery.ts';
import { loadReadableScenario } from './load.ts';

/** Refuses anyone who may not keep the scenario library, before anything else is looked at. */
export function assertManagesScenarios(ctx: Ctx) {
  if (!canManageMystery(ctx.principal)) throw forbidden('Only admins and QA analysts keep the scenario library');
}

/**
 * The way into a verb that changes a scenario: checks the principal keeps the library (at once), then runs
 * `work` in one transaction on the scenario, which must be readable (else NOT_FOUND).
 */
export function scenarioEditor(ctx: Ctx) {
  assertManagesScenarios(ctx);
  return <T>(scenarioId: number, work: (tx: Tx, row: Awaited<ReturnType<typeof loadReadableScenario>>) => Promise<T>) =>
    ctx.db.transaction(async (tx) => work(tx, await loadReadableScenario(tx, ctx.principal, scenarioId)));
}
