import type { CallbackDrawSnapshot } from '@attentive/shared/surveys-lists';
import { CALLBACK_EXCLUSIONS } from '@attentive/shared/surveys-lists';
import { populationHashOfSorted } from '../../sampling/population-hash.ts';
import { selectCallbacks } from './draw-compute.ts';

export type CallbackVerifyCheck = { name: 'exclusions' | 'population' | 'draw'; ok: boolean; detail: string };

/** A call of the program in the draw's window that existed at the draw, with its customer's contact row id. */
export type WindowCall = { callId: number; agentId: number; contactId: number | null };

/**
 * Recomputes a draw from its snapshot and the calls in its window as they are now, and compares: each
 * excluded call is a call of the window (listed once); the population — the window's calls less the
 * excluded — gives the stored hash and size; the seed's lowest ranks, one call per customer, are the stored
 * items with their ranks, in rank order. Every mismatch is named; `firstDifference` is the first of them.
 */
export function compareCallbackDraw(o: {
  seed: string;
  snapshot: CallbackDrawSnapshot;
  stored: { populationHash: string; populationSize: number };
  calls: readonly WindowCall[];
  items: readonly { id: number; callId: number; rank: string }[];
}) {
  const problems: Record<CallbackVerifyCheck['name'], string[]> = { exclusions: [], population: [], draw: [] };
  const inWindow = new Map(o.calls.map((c) => [c.callId, c]));
  const excluded = new Set<number>();
  for (const reason of CALLBACK_EXCLUSIONS)
    for (const id of o.snapshot.excludedIds[reason] ?? []) {
      if (excluded.has(id)) problems.exclusions.push(`call ${id} is excluded for two reasons`);
      else if (!inWindow.has(id))
        problems.exclusions.push(`call ${id} is excluded (${reason}) but is not a call of the program in the window`);
      excluded.add(id);
    }

  const eligible: { callId: number; agentId: number; contactId: number }[] = [];
  for (const c of o.calls) {
    if (excluded.has(c.callId)) continue;
    if (c.contactId == null) problems.population.push(`call ${c.callId} counts as eligible but its customer has no contact row`);
    else eligible.push({ callId: c.callId, agentId: c.agentId, contactId: c.contactId });
  }
  const sorted = Float64Array.from(eligible, (e) => e.callId).sort();
  const populationHash = populationHashOfSorted(sorted);
  if (populationHash !== o.stored.populationHash || sorted.length !== o.stored.populationSize)
    problems.population.push(
      `the population differs: stored ${o.stored.populationSize} call(s) (hash ${o.stored.populationHash.slice(0, 16)}…), recomputed ${sorted.length} (hash ${populationHash.slice(0, 16)}…)`
    );

  const expected = selectCallbacks(o.seed, eligible, o.snapshot.rules.dailyCount);
  const stored = [...o.items].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.callId - b.callId));
  for (let i = 0; i < Math.max(expected.length, stored.length); i++) {
    const e = expected[i];
    const s = stored[i];
    if (e && s && e.callId === s.callId && e.rank === s.rank) continue;
    problems.draw.push(
      !s
        ? `place ${i + 1}: call ${e!.callId} was to be drawn, the list has no item there`
        : !e
          ? `place ${i + 1}: item ${s.id} (call ${s.callId}) should not be on the list`
          : e.callId !== s.callId
            ? `place ${i + 1}: item ${s.id} is call ${s.callId}, the draw gives call ${e.callId}`
            : `place ${i + 1}: item ${s.id} (call ${s.callId}) has rank ${s.rank.slice(0, 12)}…, the seed gives ${e.rank.slice(0, 12)}…`
    );
  }

  const excludedCount = excluded.size;
  const checks: CallbackVerifyCheck[] = [
    {
      name: 'exclusions',
      ok: problems.exclusions.length === 0,
      detail: problems.exclusions.length
        ? problems.exclusions.slice(0, 5).join('; ')
        : `${excludedCount} call(s) left out, each a call of the window, once`
    },
    {
      name: 'population',
      ok: problems.population.length === 0,
      detail: problems.population.length
        ? problems.population.slice(0, 5).join('; ')
        : `${sorted.length} eligible call(s), hash ${populationHash.slice(0, 16)}… matches`
    },
    {
      name: 'draw',
      ok: problems.draw.length === 0,
      detail: problems.draw.length
        ? problems.draw.slice(0, 5).join('; ')
        : `${stored.length} drawn call(s) match the recomputed draw, rank by rank`
    }
  ];
  const first = problems.exclusions[0] ?? problems.population[0] ?? problems.draw[0] ?? null;
  return {
    ok: first == null,
    firstDifference: first,
    checks,
    recomputed: { populationHash, populationSize: sorted.length, selected: expected.length }
  };
}
