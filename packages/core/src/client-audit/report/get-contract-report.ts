import { z } from 'zod';
import { Month, type MetricValues } from '@attentive/shared/client-metrics';
import type { ContractReport } from '@attentive/shared/contract-report';
import type { Ctx } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { measureMonths, monthSpan } from '../metrics.ts';
import { loadReportProgram } from './report-program.ts';
import { reportTargets } from './report-targets.ts';
import { samplingInForce } from './report-sampling.ts';
import { termsInForce } from './terms-in-force.ts';

export const GetContractReportInput = z.object({ programId: Id, month: Month });

/** n of the month's sources, for the methods paragraph: evaluations, mystery calls, survey responses. */
export function sourceCounts(f: MetricValues) {
  return {
    evaluations: f.critical_error_free_rate.n,
    mysteryCalls: f.mystery_service_level.n,
    surveyResponses: Math.max(f.csat_mean.n, f.csat_top2.n, f.fcr.n, f.nps.n)
  };
}

/**
 * The monthly contract report of a program: the terms in force for the month, each target measured
 * (measureMonths, the one writer of client figures) and judged (verdict.ts), the balance, every figure of the
 * month and how it was measured. Readable by admins and the program's client's auditors; any other program is
 * NOT_FOUND. A month after the current one (on the contact center's clock) is a 400; a month without terms is
 * a report without targets, its figures still there.
 */
export async function getContractReport({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof GetContractReportInput>;
}): Promise<ContractReport> {
  const { programId, month } = parseInput(GetContractReportInput, input);
  const scope = await loadReportProgram(ctx, programId);
  if (month > scope.currentMonth)
    throw invalid(`month: ${month} is in the future (the current month is ${scope.currentMonth})`, [
      { path: 'month', message: `Not after ${scope.currentMonth}` }
    ]);
  const [figures, terms, sampling] = await Promise.all([
    measureMonths(ctx.db, { tenantId: scope.tenantId, programIds: [programId], timeZone: scope.timeZone }, [month]).then((m) =>
      m.get(month)!
    ),
    termsInForce(ctx.db, { tenantId: scope.tenantId, programId, month }),
    samplingInForce(ctx.db, { tenantId: scope.tenantId, programId, monthEnd: monthSpan(month, scope.timeZone).end })
  ]);
  const outcome = reportTargets(terms, figures);
  return {
    program: scope.program,
    client: scope.client,
    month,
    timeZone: scope.timeZone,
    generatedAt: scope.now.toISOString(),
    terms: terms && {
      version: terms.version,
      validFrom: terms.validFrom,
      validTo: terms.validTo,
      monthlyFeeCents: terms.monthlyFeeCents,
      currency: terms.currency,
      note: terms.note
    },
    ...outcome,
    methods: {
      ...sourceCounts(figures),
      sampling,
      confidence: 0.95,
      intervals: { points: 't', percent: 'wilson', scale: 't', nps: 'adjusted_wald' }
    },
    figures
  };
}
