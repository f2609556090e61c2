import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { schema } from '@attentive/db';
import { RESCORE_MAX_DAYS, RequestRescoreBody } from '@attentive/shared/client-rescores';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { canRescoreFor } from '../../policy/client-audit.ts';
import { clientIdsAudited } from '../../policy/principal.ts';
import { populationHash } from '../../sampling/population-hash.ts';
import { customPeriod, localDate } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { drawRescore } from './draw.ts';
import { loadRescorePopulation } from './population.ts';

export const RequestRescoreInput = RequestRescoreBody;

const DAY = 86_400_000;

/** The client a request is for: the program's, the one named, or the auditor's only client. */
async function clientOf(ctx: Ctx, data: z.output<typeof RequestRescoreInput>) {
  const p = ctx.principal;
  if (data.programId != null) {
    const [program] = await ctx.db
      .select({ clientId: schema.programs.clientId })
      .from(schema.programs)
      .where(and(eq(schema.programs.id, data.programId), eq(schema.programs.tenantId, p.tenantId)));
    // Another client's program does not exist for this auditor.
    if (!program || !canRescoreFor(p, { tenantId: p.tenantId, clientId: program.clientId })) throw notFound(`Program ${data.programId}`);
    if (data.clientId != null && data.clientId !== program.clientId)
      throw invalid(`Program ${data.programId} is not a program of client ${data.clientId}`, [
        { path: 'programId', message: 'not a program of this client' }
      ]);
    return program.clientId;
  }
  if (data.clientId != null) {
    if (!canRescoreFor(p, { tenantId: p.tenantId, clientId: data.clientId })) throw notFound(`Client ${data.clientId}`);
    return data.clientId;
  }
  const audited = clientIdsAudited(p);
  if (audited.length !== 1)
    throw invalid('Name the client (clientId) or one of its programs (programId): you audit more than one client', [
      { path: 'clientId', message: 'choose the client' }
    ]);
  return audited[0]!;
}

/**
 * A client's auditor asks for a blind re-score: the submitted counting evaluations of its programs (or one of
 * them) submitted in the local days fromDay…toDay form the population; a fresh seed (32 random bytes) ranks each
 * by HMAC and the ceil(share × N) lowest ranks are drawn. Stored with the population's size and hash so anyone can
 * redo the draw (verify-rescore.ts). From now on the contact center's evaluations of the drawn calls are sealed
 * from the client's auditors until they have scored them (policy sealedForClientRescore). One transaction, audited.
 */
export async function requestRescore({ ctx, input }: { ctx: Ctx; input: z.input<typeof RequestRescoreInput> }) {
  const data = parseInput(RequestRescoreInput, input);
  const p = ctx.principal;
  if (!(p.kind === 'user' && p.personId != null && clientIdsAudited(p).length))
    throw forbidden("Only the client's own auditors ask for a re-score");
  const clientId = await clientOf(ctx, data);
  const timeZone = await tenantTimeZone(ctx);
  const now = nowOf(ctx);
  const today = localDate(timeZone, now);
  let period;
  try {
    period = customPeriod(data.fromDay, data.toDay, timeZone);
  } catch (e) {
    // customPeriod names period.from / period.to: say fromDay / toDay, as the request does.
    const message = (e as Error).message.replace(/^period\./, '').replace(/\b(from|to)\b/g, '$1Day');
    throw invalid(`Cannot draw from this period: ${message}`, [{ path: message.startsWith('toDay') ? 'toDay' : 'fromDay', message }]);
  }
  if (data.toDay > today)
    throw invalid(`toDay ${data.toDay} is after today (${today}): only evaluations already made can be drawn`, [
      { path: 'toDay', message: 'must not be after today' }
    ]);
  const days = Math.round((period.end.getTime() - period.start.getTime()) / DAY);
  if (days > RESCORE_MAX_DAYS)
    throw invalid(`The period spans ${days} days: at most ${RESCORE_MAX_DAYS}`, [
      { path: 'toDay', message: `at most ${RESCORE_MAX_DAYS} days after fromDay` }
    ]);
  const basisPoints = Math.round(data.sharePercent * 100);
  const scope = { tenantId: p.tenantId, clientId, programId: data.programId ?? null, fromDay: data.fromDay, toDay: data.toDay };

  return ctx.db.transaction(async (tx) => {
    const population = await loadRescorePopulation(tx, scope, timeZone);
    if (!population.length)
      throw conflict(
        `No submitted evaluations of ${data.programId != null ? `program ${data.programId}` : "the client's programs"} between ${data.fromDay} and ${data.toDay}: nothing to re-score, choose another period`
      );
    const seed = randomBytes(32).toString('hex');
    const ids = population.map((r) => r.evaluationId);
    const callOf = new Map(population.map((r) => [r.evaluationId, r.callId]));
    const { drawn } = drawRescore(ids, seed, basisPoints);
    const hash = populationHash(ids);
    const [rescore] = await tx
      .insert(schema.clientRescores)
      .values({
        ...scope,
        shareBasisPoints: basisPoints,
        seed,
        populationCount: ids.length,
        populationHash: hash,
        requestedById: p.personId,
        requestedBy: p.label,
        createdAt: now
      })
      .returning();
    // In chunks: SQLite limits the bound values of one statement.
    for (let i = 0; i < drawn.length; i += 500)
      await tx.insert(schema.clientRescoreItems).values(
        drawn.slice(i, i + 500).map((d) => ({
          tenantId: p.tenantId,
          rescoreId: rescore!.id,
          evaluationId: d.evaluationId,
          callId: callOf.get(d.evaluationId)!,
          rank: d.rank
        }))
      );
    await writeAudit(
      tx,
      ctx,
      {
        action: 'client_rescore.request',
        objectType: 'client_rescore',
        objectId: rescore!.id,
        after: { ...scope, shareBasisPoints: basisPoints, seed, populationCount: ids.length, populationHash: hash, drawn: drawn.length }
      },
      now
    );
    return { rescoreId: rescore!.id, drawn: drawn.length, populationCount: ids.length };
  });
}
