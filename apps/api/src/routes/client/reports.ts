import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invalid, mySettings } from '@attentive/core';
import { getContractReport } from '@attentive/core/client-audit/report/get-contract-report';
import { listContractReports } from '@attentive/core/client-audit/report/list-contract-reports';
import { ContractReport, ContractReportMonths } from '@attentive/shared/contract-report';
import { LOCALES, type Locale } from '@attentive/shared/locales';
import { ctxOf, type AppDeps, type AppEnv } from '../../context.ts';
import { contractReportCsv } from '../../downloads/contract-report-csv.ts';
import { contractReportPdf } from '../../downloads/contract-report-pdf.ts';
import { json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdString, pathId } from '../params.ts';

const tags = ['Client audit'];
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = 'expected a month as YYYY-MM (01–12)';
const MonthParam = z
  .string()
  .regex(MONTH_PATTERN, MONTH_MESSAGE)
  .openapi({ param: { name: 'month', in: 'path' }, example: '2026-11', description: 'A calendar month on the contact center clock' });
const ProgramParam = z.object({ programId: pathId('programId') });
const ReportParams = z.object({ programId: pathId('programId'), month: MonthParam });
const LangQuery = z.object({
  lang: z.enum(LOCALES).optional().openapi({ description: "The PDF's language; default the reader's own language, else the tenant's" })
});

const routes = {
  list: route({
    method: 'get',
    path: '/client/programs/{programId}/reports',
    operationId: 'listContractReports',
    tags,
    summary: "The months of a program's contract reports (the last 24 with figures or terms, newest first), each with its verdict counts",
    request: { params: ProgramParam },
    responses: { 200: json(ContractReportMonths, 'Report months') }
  }),
  report: route({
    method: 'get',
    path: '/client/programs/{programId}/reports/{month}',
    operationId: 'getContractReport',
    tags,
    summary:
      "A program's monthly contract report: each target with measured value, 95% interval, n, verdict, bonus and malus; every figure of the month; methods",
    description:
      'Terms are the version in force for the month (null without terms: the figures are still there). Verdict: met when the whole interval clears the target, missed when it is wholly on the wrong side, inconclusive otherwise (no money moves). A month after the current one is a 400; a program of another client is a 404.',
    request: { params: ReportParams },
    responses: { 200: json(ContractReport, 'Contract report') }
  }),
  csv: route({
    method: 'get',
    path: '/client/programs/{programId}/reports/{month}.csv',
    operationId: 'exportContractReportCsv',
    tags,
    summary:
      'The monthly contract report as CSV: header lines (program, month, terms version), then one row per target; money in cents and as a decimal',
    request: { params: ReportParams },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } }
  }),
  pdf: route({
    method: 'get',
    path: '/client/programs/{programId}/reports/{month}.pdf',
    operationId: 'exportContractReportPdf',
    tags,
    summary: 'The monthly contract report as a readable PDF, in English or Dutch (`lang`)',
    request: { params: ReportParams, query: LangQuery },
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } }
  })
};

/**
 * `{month}.csv` and `{month}.pdf` end in a suffix, which the router's `{param}` cannot spell (`:month.csv`
 * is read as one parameter named "month.csv"): these two are routed by a pattern on the last segment and
 * documented with their operations in the registry. Their parameters are checked here with the same rules
 * and the same 400 as the typed routes.
 */
function fileParams(c: Context<AppEnv>, suffix: '.csv' | '.pdf') {
  const id = IdString.safeParse(c.req.param('programId'));
  const month = (c.req.param('file') ?? '').slice(0, -suffix.length);
  const details = [
    ...(id.success ? [] : [{ path: 'programId', message: id.error.issues[0]?.message ?? 'expected a record id' }]),
    ...(MONTH_PATTERN.test(month) ? [] : [{ path: 'month', message: MONTH_MESSAGE }])
  ];
  if (!id.success || details.length) throw invalid(`Invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  return { programId: id.data, month };
}

async function localeOf(c: Context<AppEnv>, deps: AppDeps): Promise<Locale> {
  const lang = c.req.query('lang');
  if (lang != null) {
    if (!(LOCALES as readonly string[]).includes(lang))
      throw invalid(`Invalid input: lang: expected one of ${LOCALES.join(', ')}`, [
        { path: 'lang', message: `expected one of ${LOCALES.join(', ')}` }
      ]);
    return lang as Locale;
  }
  const me = await mySettings({ ctx: ctxOf(c, deps) });
  return me.locale ?? me.defaultLanguage;
}

/** The monthly contract report: each target with value, interval, n and verdict, bonus and malus; JSON, CSV and PDF (H2). */
export function contractReportRoutes(deps: AppDeps) {
  const router = newRouter();
  router.openAPIRegistry.registerPath(routes.csv);
  router.openAPIRegistry.registerPath(routes.pdf);
  // Before `{month}`: the same segment with a suffix is a file.
  router.get('/client/programs/:programId/reports/:file{[^/]+\\.csv}', async (c) => {
    const input = fileParams(c, '.csv');
    const file = contractReportCsv(await getContractReport({ ctx: ctxOf(c, deps), input }));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return c.body(file.csv, 200);
  });
  router.get('/client/programs/:programId/reports/:file{[^/]+\\.pdf}', async (c) => {
    const input = fileParams(c, '.pdf');
    const locale = await localeOf(c, deps);
    const file = await contractReportPdf(await getContractReport({ ctx: ctxOf(c, deps), input }), locale);
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return c.body(new Uint8Array(file.bytes), 200);
  });
  return router
    .openapi(routes.list, async (c) =>
      c.json(await listContractReports({ ctx: ctxOf(c, deps), input: { programId: c.req.valid('param').programId } }), 200)
    )
    .openapi(routes.report, async (c) => c.json(await getContractReport({ ctx: ctxOf(c, deps), input: c.req.valid('param') }), 200));
}
