import { stringify } from 'csv-stringify/sync';
import { getSampleRun, type Ctx } from '@attentive/core';

/**
 * A run's drawn calls as CSV (a representation of GET /sampling/runs/{id}, so it lives with the HTTP code), for a client's auditors and for spreadsheets: one row per item (replaced
 * items and their replacements included), with the rank that decided the draw, the reason of a
 * replacement, who evaluates it by when, and whether it is evaluated. Same readers as the run itself.
 */
export async function sampleRunItemsCsv({ ctx, input }: { ctx: Ctx; input: { runId: number } }) {
  const d = await getSampleRun({ ctx, input });
  const byId = new Map(d.items.map((i) => [i.id, i]));
  const rows = d.items.map((i) => ({
    run: d.run.id,
    period: d.run.periodLabel,
    call_id: i.callId,
    call_started_at: i.startedAt,
    agent_code: i.agentCode,
    agent_name: i.agentName,
    stratum: i.stratum,
    rank: i.rank,
    status: i.status,
    replaced_by_call: i.replacedBy != null ? (byId.get(i.replacedBy)?.callId ?? '') : '',
    replacement_reason: i.reason ?? '',
    evaluator: i.assigneeName ?? '',
    due_at: i.dueAt ?? '',
    evaluation: i.evaluationStatus ?? 'not started'
  }));
  // Excel-safe: a byte-order mark so UTF-8 names open correctly, and cells that would start a formula quoted as text.
  const csv = stringify(rows, { header: true, bom: true, cast: { string: (v) => (/^[=+\-@]/.test(v) ? `'${v}` : v) } });
  return { filename: `sample-run-${d.run.id}-${d.run.periodLabel.replace(/[^\w.-]+/g, '_')}.csv`, csv };
}
