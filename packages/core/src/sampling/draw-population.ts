import { and, eq, inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { PlanDefinition } from './definition.ts';
import { prepareDraw, selectDraw, type PreparedDraw, type DrawResult } from './draw.ts';
import type { Population } from './load-population.ts';
import { localDate } from './period.ts';
import { populationHashOfSorted } from './population-hash.ts';
import { agentQuota, isNewAgent } from './quota.ts';
import { startRanking } from './rank-batch.ts';

/**
 * The draw of a loaded population, as a run makes it and as verification remakes it: worker threads
 * rank the population while this thread sorts, hashes and groups it and reads the agents' hire dates
 * (for the new-agent quota, as they are now); then each agent's quota is taken (draw.ts).
 */
export async function drawPopulation(
  db: DbOrTx,
  o: { tenantId: number; seed: string; pop: Population; def: PlanDefinition; periodStart: Date }
): Promise<{ drawn: DrawResult; populationHash: string; prepared: PreparedDraw; isNew: (agentId: number) => boolean }> {
  const { def } = o;
  const ranking = startRanking(o.seed, o.pop.ids);
  const sortedIds = Float64Array.from(o.pop.ids).sort();
  const prepared = prepareDraw({ candidates: o.pop, sortedIds, stratify: def.stratify, timezone: def.timezone });
  const populationHash = populationHashOfSorted(sortedIds);
  const facts = await agentFacts(
    db,
    o.tenantId,
    prepared.agents.map((a) => a.agentId)
  );
  const startDate = localDate(def.timezone, o.periodStart);
  const isNew = (agentId: number) =>
    def.quota.newAgent != null && isNewAgent(facts.get(agentId)?.hireDate ?? null, startDate, def.quota.newAgent.months);
  const drawn = selectDraw(prepared, {
    seed: o.seed,
    prefixes: await ranking.finish(),
    quotaOf: (a, eligible) => agentQuota(def.quota, { isNew: isNew(a) }, eligible)
  });
  return { drawn, populationHash, prepared, isNew };
}

/** Hire dates (for the new-agent quota) of the agents in a population. */
export async function agentFacts(tx: DbOrTx, tenantId: number, agentIds: number[]) {
  const out = new Map<number, { hireDate: string | null; teamId: number | null; name: string }>();
  for (let i = 0; i < agentIds.length; i += 500) {
    const rows = await tx
      .select({ id: schema.people.id, hireDate: schema.people.hireDate, teamId: schema.people.teamId, name: schema.people.name })
      .from(schema.people)
      .where(and(eq(schema.people.tenantId, tenantId), inArray(schema.people.id, agentIds.slice(i, i + 500))));
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
