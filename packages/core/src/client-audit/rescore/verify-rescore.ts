import { z } from 'zod';
import type { RescoreVerification } from '@attentive/shared/client-rescores';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { populationHash } from '../../sampling/population-hash.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { drawRescore } from './draw.ts';
import { loadReadableRescore, rescoreItems } from './load-rescore.ts';
import { loadRescorePopulation } from './population.ts';

export const VerifyRescoreInput = z.object({ rescoreId: Id });

export const RESCORE_ALGORITHM =
  'population = the submitted counting evaluations of the programs, submitted on the local days, by id; population hash = sha256 of their ids sorted ascending, in decimal, joined by "\\n"; rank = HMAC-SHA256(key = seed bytes, message = evaluation id in decimal), hex; drawn = the ceil(share × N) lowest ranks (at least 1)';

/** The population as it is now and the draw the stored seed gives from it. */
async function redo(ctx: Ctx, rescoreId: number) {
  const row = await loadReadableRescore(ctx.db, ctx.principal, rescoreId);
  const r = row.rescore;
  const timeZone = await tenantTimeZone(ctx);
  const population = await loadRescorePopulation(ctx.db, r, timeZone);
  const ids = population.map((x) => x.evaluationId);
  return { row, ids, ...drawRescore(ids, r.seed, r.shareBasisPoints) };
}

/**
 * Redoes a re-score from the data as it is now, like sampling's verify-run: the population and its hash, and the
 * draw with the stored seed; reports whether the hash, the drawn evaluations and their ranks match what is stored.
 */
export async function verifyRescore({ ctx, input }: { ctx: Ctx; input: z.input<typeof VerifyRescoreInput> }): Promise<RescoreVerification> {
  const { rescoreId } = parseInput(VerifyRescoreInput, input);
  const { row, ids, drawn } = await redo(ctx, rescoreId);
  const r = row.rescore;
  const items = await rescoreItems(ctx.db, rescoreId);
  const hash = populationHash(ids);
  const expected = new Map(drawn.map((d) => [d.evaluationId, d.rank]));
  const stored = new Map(items.map((i) => [i.evaluationId, i.rank]));
  const missing = [...expected.keys()].filter((id) => !stored.has(id)).sort((a, b) => a - b);
  const unexpected = [...stored.keys()].filter((id) => !expected.has(id)).sort((a, b) => a - b);
  const wrongRanks = items
    .filter((i) => expected.has(i.evaluationId) && expected.get(i.evaluationId) !== i.rank)
    .map((i) => i.evaluationId);
  const populationOk = hash === r.populationHash && ids.length === r.populationCount;
  const drawOk = missing.length === 0 && unexpected.length === 0;
  const checks: RescoreVerification['checks'] = [
    {
      name: 'population',
      ok: populationOk,
      detail: populationOk
        ? `${ids.length} evaluation(s), hash matches`
        : `stored ${r.populationCount} evaluation(s) with hash ${r.populationHash}; now ${ids.length} with hash ${hash}`
    },
    {
      name: 'draw',
      ok: drawOk,
      detail: drawOk
        ? `the seed draws the same ${drawn.length} evaluation(s)`
        : `${missing.length} drawn evaluation(s) missing, ${unexpected.length} not drawn by the seed`
    },
    {
      name: 'ranks',
      ok: wrongRanks.length === 0,
      detail:
        wrongRanks.length === 0
          ? 'every stored rank matches'
          : `stored rank differs for evaluation(s) ${wrongRanks.slice(0, 10).join(', ')}`
    }
  ];
  return {
    rescoreId: r.id,
    ok: checks.every((c) => c.ok),
    seed: r.seed,
    algorithm: RESCORE_ALGORITHM,
    stored: { populationHash: r.populationHash, populationCount: r.populationCount, drawn: items.length },
    recomputed: { populationHash: hash, populationCount: ids.length, drawn: drawn.length },
    checks,
    missing,
    unexpected
  };
}

/**
 * The population as a CSV (evaluation_id, rank, drawn), by evaluation id, so the client can redo the draw with any
 * HMAC tool: `printf %s ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED` gives the rank; the sha256 of the
 * ids (sorted, "\n" between, none at the end) is the population hash (docs/client-audit.md).
 */
export async function rescorePopulationCsv({ ctx, input }: { ctx: Ctx; input: z.input<typeof VerifyRescoreInput> }) {
  const { rescoreId } = parseInput(VerifyRescoreInput, input);
  const { ids, ranked, drawn } = await redo(ctx, rescoreId);
  const rankOf = new Map(ranked.map((x) => [x.evaluationId, x.rank]));
  const isDrawn = new Set(drawn.map((d) => d.evaluationId));
  const lines = ['evaluation_id,rank,drawn', ...ids.map((id) => `${id},${rankOf.get(id)},${isDrawn.has(id) ? 1 : 0}`)];
  return { filename: `rescore-${rescoreId}-population.csv`, csv: lines.join('\n') + '\n' };
}
