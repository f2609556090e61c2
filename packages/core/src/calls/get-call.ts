import { and, eq } from 'drizzle-orm';
import { schema, type TranscriptTurn } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canReadCall } from '../policy/calls.ts';
import { callReaders } from '../evaluations/scope.ts';
import type { CallFacts } from '@attentive/shared/contract';
import { callFacts } from './call-facts.ts';
import { agentNamer, transcriptAsNamed } from '../client-audit/pseudonym.ts';

const { calls, callTranscripts, clients, people, programs, queues, teams } = schema;

/** A call with who took it, where it came from and its transcript. */
export type CallDetail = CallFacts & {
  source: string;
  externalId: string;
  agent: { id: number; code: string; name: string; hireDate: string | null };
  customerRef: string | null;
  transcript: { language: string; turns: TranscriptTurn[] } | null;
};

/** Loads a call the principal may read, with its scope; a foreign or invisible id is NOT_FOUND. */
export async function loadReadableCall(ctx: Ctx, id: number) {
  const [row] = await ctx.db
    .select({ call: calls, agent: people, program: programs, client: clients, team: teams, queue: queues })
    .from(calls)
    .innerJoin(people, eq(people.id, calls.agentId))
    .innerJoin(programs, eq(programs.id, calls.programId))
    .innerJoin(clients, eq(clients.id, programs.clientId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .leftJoin(queues, eq(queues.id, calls.queueId))
    .where(and(eq(calls.id, id), eq(calls.tenantId, ctx.principal.tenantId)));
  if (!row) throw notFound(`Call ${id}`);
  const scope = {
    tenantId: row.call.tenantId,
    programId: row.call.programId,
    clientId: row.client.id,
    agentId: row.call.agentId,
    agentTeamId: row.agent.teamId,
    ...(await callReaders(ctx.db, ctx.principal.tenantId, id))
  };
  if (!canReadCall(ctx.principal, scope)) throw notFound(`Call ${id}`);
  return row;
}

export async function getCall({ ctx, input }: { ctx: Ctx; input: { callId: number } }): Promise<CallDetail> {
  const { call, agent, program, client, team, queue } = await loadReadableCall(ctx, input.callId);
  const [transcript] = await ctx.db.select().from(callTranscripts).where(eq(callTranscripts.callId, input.callId));
  const named = await agentNamer(ctx);
  const shown = named({ id: agent.id, code: agent.code, name: agent.name });
  return {
    ...callFacts(call, { team, program, client, queue }),
    source: call.source,
    externalId: call.externalId,
    // Under a pseudonym the hire date goes too: with the team it would name the agent.
    agent: { ...shown, hireDate: shown.name === agent.name ? agent.hireDate : null },
    customerRef: call.customerRef,
    transcript: transcript ? { language: transcript.language, turns: transcriptAsNamed(named, agent, transcript.turns) } : null
  };
}
