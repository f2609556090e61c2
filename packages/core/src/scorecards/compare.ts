import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { DbOrTx } from '@attentive/db';
import { DomainError } from '../errors.ts';
import { currentScorecardVersion } from '../evaluations/score.ts';

type Items = Pick<ScorecardDefinition, 'sections'>;

const answerTypes = (d: Items) => new Map(d.sections.flatMap((s) => s.items.map((it) => [it.id, it.answer.type] as const)));

/**
 * The items of `a` that compare directly with `b`: the same item id with the same answer type (a mystery-call
 * form and a call scorecard share these; their scores can be set side by side). In `a`'s order.
 */
export function comparableItemIds(a: Items, b: Items): string[] {
  const other = answerTypes(b);
  return [...answerTypes(a)].filter(([id, type]) => other.get(id) === type).map(([id]) => id);
}

/**
 * How a program's mystery-call form compares with the scorecard its calls are scored on (its own, else the
 * shared default): which of `definition`'s items compare directly. Null when there is no published call scorecard.
 */
export async function comparisonWithCalls(tx: DbOrTx, tenantId: number, programId: number, definition: Items) {
  try {
    const calls = await currentScorecardVersion(tx, tenantId, programId);
    return {
      scorecardId: calls.version.scorecardId,
      scorecardName: calls.scorecardName,
      version: calls.version.version,
      itemIds: comparableItemIds(definition, calls.version.definition)
    };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'PRECONDITION_FAILED') return null;
    throw e;
  }
}
