import { ProgramTeamsQuery, type ProgramTeams } from '@attentive/shared/client-portal';
import type { Ctx } from '../../context.ts';
import { aggregateRows } from '../../evaluations/aggregate-scores.ts';
import { COUNTING_KINDS } from '../../evaluations/kinds.ts';
import { parseInput } from '../../input.ts';
import { monthSpan } from '../metrics.ts';
import { portalMonth, portalProgram } from './portal-scope.ts';

/**
 * The teams of a program's agents in a month (the friendly × oriented plane): per team n, QA score,
 * customer-friendly and customer-oriented scores with their intervals. The evaluations' own aggregate
 * (aggregateRows, grouped by team, over what the reader may read) so the plane and the evaluations screen
 * agree; evaluations without an identified agent (mystery calls) belong to no team and are left out.
 */
export async function getProgramTeams({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ProgramTeams> {
  const f = parseInput(ProgramTeamsQuery, input);
  const program = await portalProgram(ctx, f.programId);
  const { month, timeZone } = await portalMonth(ctx, f.month);
  const span = monthSpan(month, timeZone);
  const rows = await aggregateRows(ctx.db, ctx.principal, {
    groupBy: 'team',
    programId: program.id,
    from: span.start,
    to: span.end,
    kinds: COUNTING_KINDS
  });
  return {
    program: { id: program.id, code: program.code, name: program.name },
    client: { id: program.client.id, code: program.client.code, name: program.client.name },
    month,
    teams: rows.map((r) => ({
      team: { id: r.group.id, name: r.group.name },
      n: r.n,
      qaScore: r.overall,
      friendly: r.dimensions.customer_friendly,
      oriented: r.dimensions.customer_oriented
    }))
  };
}
