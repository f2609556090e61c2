import { z } from 'zod';
import type { ContractReportMonths } from '@attentive/shared/contract-report';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { measureMonths, monthsEnding } from '../metrics.ts';
import { sourceCounts } from './get-contract-report.ts';
import { loadReportProgram } from './report-program.ts';
import { reportTargets } from './report-targets.ts';
import { allTerms, covers } from './terms-in-force.ts';

export const ListContractReportsInput = z.object({ programId: Id });

/** How many months back the list looks (two years of reports). */
const MONTHS = 24;

/**
 * The months a program has a report for — the last 24 up to the current month with any figure or terms in
 * force — newest first, each with its terms version, verdict counts and balance (the same rule as the
 * report: one measureMonths read for all months). Same readers as the report.
 */
export async function listContractReports({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof ListContractReportsInput>;
}): Promise<ContractReportMonths> {
  const { programId } = parseInput(ListContractReportsInput, input);
  const scope = await loadReportProgram(ctx, programId);
  const months = monthsEnding(scope.currentMonth, MONTHS);
  const [values, terms] = await Promise.all([
    measureMonths(ctx.db, { tenantId: scope.tenantId, programIds: [programId], timeZone: scope.timeZone }, months),
    allTerms(ctx.db, { tenantId: scope.tenantId, programId })
  ]);
  const items = months
    .map((month) => {
      const figures = values.get(month)!;
      const inForce = terms.find((t) => covers(t, month)) ?? null;
      const n = sourceCounts(figures);
      if (!inForce && n.evaluations + n.mysteryCalls + n.surveyResponses === 0) return null;
      const { counts, balanceCents } = reportTargets(inForce, figures);
      return {
        month,
        termsVersion: inForce?.version ?? null,
        counts,
        balanceCents,
        currency: inForce?.currency ?? 'EUR',
        evaluations: n.evaluations
      };
    })
    .filter((x) => x != null)
    .reverse();
  return { program: scope.program, client: scope.client, items };
}
