import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { RescoreClientScore, RescoreItemScreen } from '@attentive/shared/client-rescores';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canRescoreFor } from '../../policy/client-audit.ts';
import { isAuthor } from '../../policy/evaluations.ts';
import { cachedScoreOf } from '../../evaluations/cached-score.ts';
import { loadContactFacts } from '../../evaluations/contact-facts.ts';
import { loadScorecardVersion } from '../../evaluations/score.ts';
import { loadReadableRescore, rescoreItems } from './load-rescore.ts';

export const GetRescoreItemInput = z.object({ rescoreId: Id, itemId: Id });

type Evaluation = typeof schema.evaluations.$inferSelect;

const answersOf = (e: Evaluation) => (e.answers ?? {}) as Record<string, string | number>;

function clientScoreOf(e: Evaluation, definition: ScorecardDefinition): RescoreClientScore {
  return {
    evaluationId: e.id,
    status: e.status === 'submitted' ? 'submitted' : 'draft',
    version: e.version,
    answers: answersOf(e),
    score: cachedScoreOf(definition, answersOf(e)).result,
    scorer: e.evaluatorLabel
  };
}

/**
 * One drawn item as the scoring screen shows it: the call (facts, recording flag, transcript), the drawn
 * evaluation's scorecard version, and the client's score — the author's own draft, or the submitted score. The
 * contact center's evaluation is in it only once the client's score is submitted (`scoredAt`): before, nothing
 * of it is read here. Readers of the re-score only (another client's: 404).
 */
export async function getRescoreItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetRescoreItemInput> }): Promise<RescoreItemScreen> {
  const { rescoreId, itemId } = parseInput(GetRescoreItemInput, input);
  const p = ctx.principal;
  const row = await loadReadableRescore(ctx.db, p, rescoreId);
  const items = await rescoreItems(ctx.db, rescoreId);
  const at = items.findIndex((i) => i.id === itemId);
  if (at < 0) throw notFound(`Item ${itemId} of re-score ${rescoreId}`);
  const item = items[at]!;
  // The drawn evaluation gives the version, agent and program; its answers are read only once the item is scored.
  const [drawn] = await ctx.db.select().from(schema.evaluations).where(eq(schema.evaluations.id, item.evaluationId));
  const version = await loadScorecardVersion(ctx.db, p.tenantId, drawn!.scorecardVersionId);
  const [client] =
    item.clientEvaluationId != null
      ? await ctx.db.select().from(schema.evaluations).where(eq(schema.evaluations.id, item.clientEvaluationId))
      : [];
  const facts = await loadContactFacts(ctx, { callId: item.callId, agentId: drawn!.agentId, programId: drawn!.programId });
  const mayScore = canRescoreFor(p, { tenantId: row.rescore.tenantId, clientId: row.rescore.clientId });
  const shownClient = client && (client.status === 'submitted' || isAuthor(p, client)) ? clientScoreOf(client, version.definition) : null;
  return {
    rescore: { id: row.rescore.id, client: row.clientName, program: row.programName ?? null },
    item: {
      id: item.id,
      position: at + 1,
      total: items.length,
      prevItemId: items[at - 1]?.id ?? null,
      nextItemId: items[at + 1]?.id ?? null,
      scoredAt: item.scoredAt?.toISOString() ?? null
    },
    contact: facts.contact,
    call: facts.call!,
    transcript: facts.transcript,
    scorecard: { versionId: version.id, version: version.version, definition: version.definition },
    client: shownClient,
    scorer: client?.evaluatorLabel ?? null,
    canScore: mayScore && item.scoredAt == null && (!client || isAuthor(p, client)),
    contactCenter:
      item.scoredAt != null
        ? {
            evaluationId: drawn!.id,
            evaluator: drawn!.evaluatorLabel,
            answers: answersOf(drawn!),
            score: cachedScoreOf(version.definition, answersOf(drawn!)).result
          }
        : null
  };
}
