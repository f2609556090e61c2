import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { invalid } from '../errors.ts';
import { EvaluationKind, Id, parseInput } from './inputs.ts';
import { visibleEvaluations } from './visibility-sql.ts';
import { agentNamer } from '../client-audit/pseudonym.ts';

export const ListEvaluationsInput = z.object({
  status: z.enum(['draft', 'submitted']).optional(),
  kind: EvaluationKind.optional(),
  agentId: Id.optional(),
  teamId: Id.optional(),
  programId: Id.optional(),
  callId: Id.optional(),
  /** Only evaluations by the one asking. */
  mine: z.boolean().optional(),
  /** Submitted (or, for drafts, last saved) on or after / before these instants. */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50)
});

/** Evaluations the principal may read, newest first, with keyset pagination on id. */
export async function listEvaluations({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListEvaluationsInput> }) {
  const f = parseInput(ListEvaluationsInput, input);
  const p = ctx.principal;
  const e = schema.evaluations;
  const team = alias(schema.teams, 'agent_team');
  const conds: (SQL | undefined)[] = [visibleEvaluations(p)];
  if (f.status) conds.push(eq(e.status, f.status));
  if (f.kind) conds.push(eq(e.kind, f.kind));
  if (f.agentId) conds.push(eq(e.agentId, f.agentId));
  if (f.teamId) conds.push(eq(schema.people.teamId, f.teamId));
  if (f.programId) conds.push(eq(e.programId, f.programId));
  if (f.callId) conds.push(eq(e.callId, f.callId));
  if (f.mine) conds.push(p.personId != null ? eq(e.evaluatorId, p.personId) : eq(e.evaluatorLabel, p.label));
  if (f.from) conds.push(gte(e.updatedAt, f.from));
  if (f.to) conds.push(lt(e.updatedAt, f.to));
  if (f.cursor) {
    const c = Number(f.cursor);
    if (!Number.isInteger(c) || c < 1)
      throw invalid('cursor is not one this API gave out', [{ path: 'cursor', message: 'invalid cursor' }]);
    conds.push(lt(e.id, c));
  }
  const rows = await ctx.db
    .select({
      id: e.id,
      callId: e.callId,
      kind: e.kind,
      status: e.status,
      revision: e.revision,
      overallScore: e.overallScore,
      dimensionScores: e.dimensionScores,
      failed: e.failed,
      criticalFlags: e.criticalFlags,
      submittedAt: e.submittedAt,
      updatedAt: e.updatedAt,
      evaluatorLabel: e.evaluatorLabel,
      agentId: e.agentId,
      agentName: schema.people.name,
      teamName: team.name,
      programId: e.programId,
      programName: schema.programs.name,
      callStartedAt: schema.calls.startedAt
    })
    .from(e)
    .leftJoin(schema.people, eq(schema.people.id, e.agentId))
    .innerJoin(schema.programs, eq(schema.programs.id, e.programId))
    .leftJoin(team, eq(team.id, schema.people.teamId))
    .leftJoin(schema.calls, eq(schema.calls.id, e.callId))
    .where(and(...conds))
    .orderBy(desc(e.id))
    .limit(f.limit + 1);
  const more = rows.length > f.limit;
  const named = await agentNamer(ctx);
  const items = rows.slice(0, f.limit).map((r) => ({
    ...r,
    agentName: r.agentName == null ? null : named({ id: r.agentId, name: r.agentName }).name,
    dimensionScores: r.dimensionScores ?? {},
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    callStartedAt: r.callStartedAt?.toISOString() ?? null
  }));
  return { items, nextCursor: more ? String(items.at(-1)!.id) : null };
}
