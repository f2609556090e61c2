import { and, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { DIMENSIONS, type Dimension } from '@attentive/shared';
import type { Ctx } from '../context.ts';
import type { Principal } from '../policy/principal.ts';
import { tIntervalFromMoments, wilsonInterval, type Estimate } from '../stats/intervals.ts';
import { EvaluationKind, Id, parseInput } from './inputs.ts';
import { visibleEvaluations } from './visibility-sql.ts';
import { COUNTING_KINDS } from './kinds.ts';
import { agentNamer } from '../client-audit/pseudonym.ts';

export const AggregateScoresInput = z.object({
  groupBy: z.enum(['agent', 'team', 'program']).default('agent'),
  programId: Id.optional(),
  teamId: Id.optional(),
  agentId: Id.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /**
   * Which kinds to aggregate. Default: the kinds that count toward the agent (kinds.ts); naming others
   * (e.g. self) gives their own figures, which never mix into the agent's.
   */
  kinds: z.array(EvaluationKind).min(1).default(COUNTING_KINDS)
});

export type ScoreAggregate = {
  group: { id: number | null; name: string };
  /** Submitted evaluations behind the row. */
  n: number;
  overall: Estimate;
  dimensions: Record<Dimension, Estimate>;
  /** Share failed on a critical item, Wilson interval. */
  failRate: Estimate;
};

/**
 * Mean scores per agent, team or program, overall and per dimension, over submitted evaluations the
 * principal may read: each with its n and 95% t interval (stats module), plus the critical-fail rate
 * with a Wilson interval. Reads the scores cached from computeScore; sums of squares come from SQL.
 */
export async function aggregateScores({ ctx, input }: { ctx: Ctx; input: z.input<typeof AggregateScoresInput> }) {
  const f = parseInput(AggregateScoresInput, input);
  const rows = await aggregateRows(ctx.db, ctx.principal, f);
  if (f.groupBy !== 'agent') return { groupBy: f.groupBy, rows };
  const named = await agentNamer(ctx);
  return { groupBy: f.groupBy, rows: rows.map((r) => ({ ...r, group: named(r.group) })) };
}

const moments = (col: SQL) => ({
  n: sql<number>`count(${col})`,
  mean: sql<number | null>`avg(${col})`,
  sumsq: sql<number | null>`sum(${col} * ${col})`
});

export async function aggregateRows(db: DbOrTx, p: Principal, f: z.output<typeof AggregateScoresInput>): Promise<ScoreAggregate[]> {
  const e = schema.evaluations;
  const key =
    f.groupBy === 'agent'
      ? { id: e.agentId, name: schema.people.name }
      : f.groupBy === 'team'
        ? { id: schema.people.teamId, name: sql<string | null>`coalesce(${schema.teams.name}, 'No team')` }
        : { id: e.programId, name: schema.programs.name };
  const column = { customer_friendly: e.friendlyScore, customer_oriented: e.orientedScore, compliance: e.complianceScore } as const;
  const dim = (d: Dimension) => sql`${column[d]}`;
  const conds: (SQL | undefined)[] = [visibleEvaluations(p), eq(e.status, 'submitted'), inArray(e.kind, f.kinds)];
  // An evaluation whose agent is not identified yet (a mystery call) counts for its program only.
  if (f.groupBy !== 'program' || f.teamId || f.agentId) conds.push(isNotNull(e.agentId));
  if (f.programId) conds.push(eq(e.programId, f.programId));
  if (f.teamId) conds.push(eq(schema.people.teamId, f.teamId));
  if (f.agentId) conds.push(eq(e.agentId, f.agentId));
  if (f.from) conds.push(gte(e.submittedAt, f.from));
  if (f.to) conds.push(lt(e.submittedAt, f.to));
  const overall = moments(sql`${e.overallScore}`);
  const dims = Object.fromEntries(DIMENSIONS.map((d) => [d, moments(dim(d))]));
  const rows = await db
    .select({
      id: key.id,
      name: key.name,
      n: sql<number>`count(*)`,
      failed: sql<number>`sum(${e.failed})`,
      oN: overall.n,
      oMean: overall.mean,
      oSq: overall.sumsq,
      ...Object.fromEntries(
        DIMENSIONS.flatMap((d) => [
          [`${d}N`, dims[d]!.n],
          [`${d}Mean`, dims[d]!.mean],
          [`${d}Sq`, dims[d]!.sumsq]
        ])
      )
    })
    .from(e)
    .leftJoin(schema.people, eq(schema.people.id, e.agentId))
    .innerJoin(schema.programs, eq(schema.programs.id, e.programId))
    .leftJoin(schema.teams, eq(schema.teams.id, schema.people.teamId))
    .where(and(...conds))
    .groupBy(key.id)
    .orderBy(key.name);
  return rows.map((r) => {
    const row = r as Record<string, number | null>;
    const est = (n: number | null, mean: number | null, sq: number | null) => {
      const count = Number(n ?? 0);
      const m = Number(mean ?? 0);
      // Σ(x−x̄)² = Σx² − n·x̄²; clamp the tiny negative values rounding can give.
      return tIntervalFromMoments({ n: count, mean: m, m2: Math.max(0, Number(sq ?? 0) - count * m * m) }, { bounds: [0, 100] });
    };
    return {
      group: { id: r.id, name: r.name ?? '?' },
      n: Number(r.n),
      overall: est(r.oN, r.oMean, r.oSq),
      dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, est(row[`${d}N`]!, row[`${d}Mean`]!, row[`${d}Sq`]!)])) as Record<
        Dimension,
        Estimate
      >,
      failRate: wilsonInterval(Number(r.failed ?? 0), Number(r.n))
    };
  });
}
