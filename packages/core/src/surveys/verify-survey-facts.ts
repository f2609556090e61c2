import { asc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { lowAnswers, standardColumns } from './answers.ts';

export type SurveyFactDiff = {
  table: 'callback_items' | 'survey_responses' | 'survey_alerts';
  id: number;
  column: string;
  stored: unknown;
  expected: unknown;
};

/**
 * Recomputes the derived facts of callback surveys from their sources and names the first row that differs:
 * an item's attempt count and last attempt time (from callback_attempts), a completed item has its response
 * and a response's item is completed, and a response's typed columns (csat, fcrSolved, …) from its answers
 * and its template version's questions, and a response has an alert exactly when it has low answers, with
 * those answers as reasons and their attribution. What `pnpm surveys:verify` runs.
 */
export async function verifySurveyFacts(
  db: Db
): Promise<{ ok: true; checked: number } | { ok: false; checked: number; first: SurveyFactDiff }> {
  const i = schema.callbackItems;
  const items = await db
    .select({
      id: i.id,
      attempts: i.attempts,
      lastAttemptAt: i.lastAttemptAt,
      status: i.status,
      counted: sql<number>`(select count(*) from callback_attempts a where a.item_id = callback_items.id)`,
      lastAt: sql<number | null>`(select max(a.at) from callback_attempts a where a.item_id = callback_items.id)`,
      responses: sql<number>`(select count(*) from survey_responses r where r.item_id = callback_items.id)`
    })
    .from(i)
    .orderBy(asc(i.id));
  let checked = 0;
  for (const it of items) {
    const diff = (column: string, stored: unknown, expected: unknown): SurveyFactDiff => ({
      table: 'callback_items',
      id: it.id,
      column,
      stored,
      expected
    });
    if (it.attempts !== Number(it.counted)) return { ok: false, checked, first: diff('attempts', it.attempts, Number(it.counted)) };
    const last = it.lastAt == null ? null : Number(it.lastAt);
    if ((it.lastAttemptAt?.getTime() ?? null) !== last)
      return { ok: false, checked, first: diff('last_attempt_at', it.lastAttemptAt?.getTime() ?? null, last) };
    if ((it.status === 'completed') !== Number(it.responses) > 0)
      return {
        ok: false,
        checked,
        first: diff('status', it.status, Number(it.responses) > 0 ? 'completed' : 'not completed (no response)')
      };
    checked++;
  }
  const r = schema.surveyResponses;
  const responses = await db
    .select({ row: r, questions: schema.surveyTemplateVersions.questions, alert: schema.surveyAlerts })
    .from(r)
    .innerJoin(schema.surveyTemplateVersions, eq(schema.surveyTemplateVersions.id, r.templateVersionId))
    .leftJoin(schema.surveyAlerts, eq(schema.surveyAlerts.responseId, r.id))
    .orderBy(asc(r.id));
  for (const { row, questions, alert } of responses) {
    const expected = standardColumns(questions, row.answers);
    for (const [column, value] of Object.entries(expected)) {
      const stored = row[column as keyof typeof expected];
      if (stored !== value)
        return { ok: false, checked, first: { table: 'survey_responses', id: row.id, column, stored, expected: value } };
    }
    const low = lowAnswers(questions, row.answers);
    const reasons = JSON.stringify(low);
    if ((alert == null) !== (low.length === 0) || (alert && JSON.stringify(alert.reasons) !== reasons))
      return {
        ok: false,
        checked,
        first: {
          table: 'survey_alerts',
          id: alert?.id ?? row.id,
          column: 'reasons',
          stored: alert?.reasons ?? null,
          expected: low.length ? low : null
        }
      };
    const attribution = low.some((l) => l.attribution === 'agent') ? 'agent' : 'process';
    if (alert && alert.attribution !== attribution)
      return {
        ok: false,
        checked,
        first: { table: 'survey_alerts', id: alert.id, column: 'attribution', stored: alert.attribution, expected: attribution }
      };
    checked++;
  }
  return { ok: true, checked };
}
