import { and, eq } from 'drizzle-orm';
import { schema, type TranscriptTurn } from '@attentive/db';
import { callFacts } from '../calls/call-facts.ts';
import { agentNamer, textAsNamed, turnsAsNamed } from '../client-audit/pseudonym.ts';
import type { Ctx } from '../context.ts';

/**
 * The facts of the contact an evaluation is about: agent, team, program, client, and (with a call)
 * queue, time, durations, transfers, whether a recording exists, and the transcript. Call sites have
 * already checked that the principal may read them. The call comes as everywhere else (CallFacts of
 * @attentive/shared): its team, program, client and queue by id, code and name. The agent is named as this
 * request names agents (a pseudonym for the auditor of a client that chose them): every screen that shows a
 * contact — evaluation, evaluation context, calibration scoring, client re-score item — gets it from here.
 */
export async function loadContactFacts(ctx: Ctx, at: ContactAt) {
  return (await loadContact(ctx, at)).facts;
}

type ContactAt = { callId: number | null; agentId: number | null; programId: number };

/**
 * The contact's facts, and how this request may read free text about it (`asNamed`: the agent's names become
 * its pseudonym where the request sees one — for comments and reasons written about the call).
 */
export async function loadContact(ctx: Ctx, at: ContactAt) {
  const { db } = ctx;
  const tenantId = ctx.principal.tenantId;
  const named = await agentNamer(ctx);
  const [who] = await db
    .select({
      agentName: schema.people.name,
      agentCode: schema.people.code,
      teamName: schema.teams.name,
      teamId: schema.teams.id,
      programName: schema.programs.name,
      clientName: schema.clients.name
    })
    .from(schema.programs)
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .leftJoin(schema.people, and(eq(schema.people.id, at.agentId ?? -1), eq(schema.people.tenantId, tenantId)))
    .leftJoin(schema.teams, eq(schema.teams.id, schema.people.teamId))
    .where(and(eq(schema.programs.id, at.programId), eq(schema.programs.tenantId, tenantId)))
    .limit(1);
  const contact = {
    /** Null while the agent is not identified (a mystery call before it is matched). */
    agent: at.agentId == null ? null : named({ id: at.agentId, name: who?.agentName ?? '?', code: who?.agentCode ?? '' }),
    team: who?.teamId != null ? { id: who.teamId, name: who.teamName ?? '' } : null,
    program: { id: at.programId, name: who?.programName ?? '?', client: who?.clientName ?? '?' }
  };
  const asNamed = textAsNamed(named, { id: at.agentId, name: who?.agentName ?? '' });
  if (at.callId == null) return { facts: { contact, call: null, transcript: [] as TranscriptTurn[] }, asNamed };
  const [row] = await db
    .select({ call: schema.calls, team: schema.teams, program: schema.programs, client: schema.clients, queue: schema.queues })
    .from(schema.calls)
    .innerJoin(schema.people, eq(schema.people.id, schema.calls.agentId))
    .leftJoin(schema.teams, eq(schema.teams.id, schema.people.teamId))
    .innerJoin(schema.programs, eq(schema.programs.id, schema.calls.programId))
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .leftJoin(schema.queues, eq(schema.queues.id, schema.calls.queueId))
    .where(and(eq(schema.calls.id, at.callId), eq(schema.calls.tenantId, tenantId)))
    .limit(1);
  const [t] = await db
    .select({ turns: schema.callTranscripts.turns })
    .from(schema.callTranscripts)
    .where(eq(schema.callTranscripts.callId, at.callId))
    .limit(1);
  return {
    facts: {
      contact,
      call: callFacts(row!.call, row!),
      transcript: turnsAsNamed(asNamed, t?.turns ?? [])
    },
    asNamed
  };
}
