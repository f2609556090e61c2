// `pnpm surveys:verify`: recomputes the derived facts of callback surveys (an item's attempt count and status,
// a response's typed columns, its low-score alert) from their sources and names the first row that differs.
// Exit code 0 = everything matches, 1 = a row differs.
import { pathToFileURL } from 'node:url';
import type { Db } from '@attentive/db';
import { verifySurveyFacts } from '@attentive/core/surveys/verify-survey-facts';
import { runCheckCommand } from './run-check.ts';

const show = (v: unknown) => (v == null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export async function surveysVerifyReport(db: Db): Promise<{ ok: boolean; message: string }> {
  const report = await verifySurveyFacts(db);
  if (report.ok) return { ok: true, message: `Survey facts match their sources: ${report.checked} item(s) and response(s) verified.` };
  const f = report.first;
  return {
    ok: false,
    message:
      `Survey fact DIFFERS at ${f.table} ${f.id}: ${f.column} is ${show(f.stored)}, the source gives ${show(f.expected)}. ` +
      `${report.checked} row(s) before it verified.`
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCheckCommand(surveysVerifyReport);
