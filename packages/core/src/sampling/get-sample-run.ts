import { eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canReadSampleRun } from '../policy/sampling.ts';
import { fairnessLedger } from './ledger.ts';
import { loadRun, parseInput, snapshotOf } from './shared.ts';
import { SAMPLE_KINDS_SQL } from '../evaluations/counting.ts';
import { runDto } from './run-dto.ts';
import { agentNamer } from '../client-audit/pseudonym.ts';

/** A run with its items (who, which call, rank, replacements with reasons, assignee, evaluation) and its fairness ledger. */
export async function getSampleRun({ ctx, input }: { ctx: Ctx; input: { runId: number } }) {
  const data = parseInput(z.object({ runId: z.number().int().positive() }), input);
  const p = ctx.principal;
  const { run, clientId, programName, planName } = await loadRun(ctx.db, p.tenantId, data.runId);
  if (!canReadSampleRun(p, { tenantId: run.tenantId, clientId })) throw notFound(`Sample run ${data.runId}`);
  const agent = alias(schema.people, 'agent');
  const assignee = alias(schema.people, 'assignee');
  const rows = await ctx.db
    .select({
      item: schema.sampleItems,
      agentName: agent.name,
      agentCode: agent.code,
      assigneeName: assignee.name,
      startedAt: schema.calls.startedAt,
      talkSeconds: schema.calls.talkSeconds,
      queueId: schema.calls.queueId,
      evaluationStatus: sql<
        string | null
      >`(select max(e.status) from evaluations e where e.call_id = ${schema.sampleItems.callId} and e.kind in (${SAMPLE_KINDS_SQL}))`
    })
    .from(schema.sampleItems)
    .innerJoin(agent, eq(agent.id, schema.sampleItems.agentId))
    .innerJoin(schema.calls, eq(schema.calls.id, schema.sampleItems.callId))
    .leftJoin(assignee, eq(assignee.id, schema.sampleItems.assignedTo))
    .where(eq(schema.sampleItems.runId, run.id))
    .orderBy(agent.name, schema.sampleItems.id);
  const snap = snapshotOf(run.filterSnapshot);
  const named = await agentNamer(ctx);
  for (const r of rows)
    Object.assign(
      r,
      (({ name, code }) => ({ agentName: name, agentCode: code }))(named({ id: r.item.agentId, name: r.agentName, code: r.agentCode }))
    );
  const names = new Map(rows.map((r) => [r.item.agentId, r.agentName]));
  const missingNames = snap.agents.filter((a) => !names.has(a.agentId)).map((a) => a.agentId);
  for (let i = 0; i < missingNames.length; i += 500)
    for (const r of await ctx.db
      .select({ id: schema.people.id, name: schema.people.name })
      .from(schema.people)
      .where(inArray(schema.people.id, missingNames.slice(i, i + 500))))
      names.set(r.id, named({ id: r.id, name: r.name }).name);
  const ledger = fairnessLedger(
    snap.agents,
    rows.map((r) => r.item)
  ).map((l) => ({ ...l, agentName: names.get(l.agentId) ?? `#${l.agentId}` }));
  const now = ctx.now ? ctx.now() : new Date();
  return {
    run: { ...runDto(run, snap.definition?.timezone), planName, programName, clientId },
    definition: snap.definition,
    excludedCount: snap.excludedCallIds.length,
    callsInPeriod: snap.callsInPeriod,
    items: rows.map((r) => ({
      id: r.item.id,
      callId: r.item.callId,
      agentId: r.item.agentId,
      agentName: r.agentName,
      agentCode: r.agentCode,
      rank: r.item.rank,
      stratum: r.item.stratum,
      status: r.item.status,
      replacedBy: r.item.replacedBy,
      reason: r.item.reason,
      replacedAt: r.item.replacedAt?.toISOString() ?? null,
      assignedTo: r.item.assignedTo,
      assigneeName: r.assigneeName,
      dueAt: r.item.dueAt?.toISOString() ?? null,
      overdue:
        r.item.status !== 'replaced' &&
        r.evaluationStatus !== 'submitted' &&
        r.item.dueAt != null &&
        r.item.dueAt.getTime() < now.getTime(),
      evaluationId: r.item.evaluationId,
      evaluationStatus: (r.evaluationStatus as 'draft' | 'submitted' | null) ?? null,
      startedAt: r.startedAt.toISOString(),
      talkSeconds: r.talkSeconds,
      queueId: r.queueId
    })),
    ledger
  };
}
