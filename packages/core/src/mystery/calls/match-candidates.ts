import { and, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { agentsOfTenant } from './agents-of-tenant.ts';
import { nameMatches } from './first-name.ts';
import { loadForMatching } from './load-mystery-call.ts';

export const MatchCandidatesInput = z.object({ mysteryCallId: Id });

/** How far from the shopper's answered-at an imported call may have been answered to be offered. */
export const MATCH_WINDOW_SECONDS = 10 * 60;

/**
 * Who may have taken a mystery call: the program's imported inbound calls answered within ten minutes of
 * the shopper's answered-at (a call's answer moment = its start + its answer seconds), those whose agent's
 * first name is the one the shopper was given first, then by time distance; and every agent of the tenant
 * (name matches first) to pick one directly when the call is not in the import.
 */
export async function matchCandidates({ ctx, input }: { ctx: Ctx; input: z.input<typeof MatchCandidatesInput> }) {
  const { mysteryCallId } = parseInput(MatchCandidatesInput, input);
  const p = ctx.principal;
  const mc = await loadForMatching(ctx.db, p, mysteryCallId);
  const center = (mc.answeredAt ?? mc.dialledAt).getTime();
  const c = schema.calls;
  // A call answered within the window started at most window + its wait earlier; an hour bounds the wait.
  const rows = await ctx.db
    .select({ id: c.id, startedAt: c.startedAt, answerSeconds: c.answerSeconds, agentId: c.agentId, agentName: schema.people.name })
    .from(c)
    .innerJoin(schema.people, eq(schema.people.id, c.agentId))
    .where(
      and(
        eq(c.tenantId, p.tenantId),
        eq(c.programId, mc.programId),
        eq(c.direction, 'inbound'),
        gte(c.startedAt, new Date(center - (MATCH_WINDOW_SECONDS + 3600) * 1000)),
        lte(c.startedAt, new Date(center + MATCH_WINDOW_SECONDS * 1000))
      )
    )
    .limit(500);
  const candidates = rows
    .map((r) => ({
      callId: r.id,
      startedAt: r.startedAt.toISOString(),
      answerSeconds: r.answerSeconds,
      agentId: r.agentId,
      agentName: r.agentName,
      distanceSeconds: Math.round(Math.abs(r.startedAt.getTime() + r.answerSeconds * 1000 - center) / 1000),
      nameMatches: nameMatches(mc.agentNameGiven, r.agentName)
    }))
    .filter((r) => r.distanceSeconds <= MATCH_WINDOW_SECONDS)
    .sort((x, y) => Number(y.nameMatches) - Number(x.nameMatches) || x.distanceSeconds - y.distanceSeconds || x.callId - y.callId)
    .slice(0, 20);
  const agentRows = await agentsOfTenant(ctx.db, p.tenantId);
  const agents = agentRows
    .map((a) => ({ ...a, nameMatches: nameMatches(mc.agentNameGiven, a.name) }))
    .sort((x, y) => Number(y.nameMatches) - Number(x.nameMatches));
  return { candidates, agents };
}
