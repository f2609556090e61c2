import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { CLIENT_METRICS, type MetricValues } from '@attentive/shared/client-metrics';
import { PortalQuery, type MetricChanges, type PortalHome } from '@attentive/shared/client-portal';
import type { Ctx } from '../../context.ts';
import { parseInput } from '../../input.ts';
import { changeOf } from '../change.ts';
import { measureMonths, monthsEnding } from '../metrics.ts';
import { clientPrograms, portalClient, portalMonth } from './portal-scope.ts';

/** Months of trend on the home. */
export const TREND_MONTHS = 12;

/**
 * A client's month in the portal: per program the month's figures, the 12-month trend (one measureMonths
 * over the 12 months), the month before and what changed (change.ts: more than the noise or not), and the
 * contact center's average over every program of every client in the same month — one figure set, no names
 * (the benchmark). Figures come from measureMonths only, so the portal and the contract report agree.
 */
export async function getPortalHome({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<PortalHome> {
  const f = parseInput(PortalQuery, input);
  const client = await portalClient(ctx, f.clientId);
  const { month, timeZone } = await portalMonth(ctx, f.month);
  const months = monthsEnding(month, TREND_MONTHS);
  const previousMonth = months.at(-2)!;
  const tenantId = ctx.principal.tenantId;
  const [programs, allPrograms] = await Promise.all([
    clientPrograms(ctx, client.id),
    ctx.db.select({ id: schema.programs.id }).from(schema.programs).where(eq(schema.programs.tenantId, tenantId))
  ]);
  const [perProgram, center] = await Promise.all([
    Promise.all(programs.map((p) => measureMonths(ctx.db, { tenantId, programIds: [p.id], timeZone }, months))),
    measureMonths(ctx.db, { tenantId, programIds: allPrograms.map((p) => p.id), timeZone }, [month])
  ]);
  return {
    client: { id: client.id, code: client.code, name: client.name, pseudonymiseAgents: client.pseudonymiseAgents },
    month,
    previousMonth,
    timeZone,
    programs: programs.map((program, i) => {
      const byMonth = perProgram[i]!;
      const values = byMonth.get(month)!;
      const previous = byMonth.get(previousMonth)!;
      return {
        program,
        values,
        previous,
        changes: changesOf(previous, values),
        trend: months.map((m) => ({ month: m, values: byMonth.get(m)! }))
      };
    }),
    centerAverage: { programCount: allPrograms.length, values: center.get(month)! }
  };
}

function changesOf(before: MetricValues, after: MetricValues): MetricChanges {
  return Object.fromEntries(CLIENT_METRICS.map((id) => [id, changeOf(before[id], after[id])])) as MetricChanges;
}
