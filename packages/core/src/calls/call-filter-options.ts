import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { callVisibility } from '../policy/calls.ts';
import { assignedBySample } from './visibility-sql.ts';

const { calls, clients, people, programs, queues, teams } = schema;

export type CallFilterOptions = {
  clients: { id: number; code: string; name: string }[];
  programs: { id: number; code: string; name: string; clientId: number }[];
  queues: { id: number; code: string; name: string; programId: number }[];
  teams: { id: number; code: string; name: string }[];
  agents: { id: number; code: string; name: string; teamId: number | null }[];
};

/**
 * The values the calls list can be filtered by, limited to what the principal may see — a filter list
 * names clients, programs and colleagues, so it must not be wider than the calls themselves:
 * - admins and QA analysts: the whole contact center;
 * - a client auditor (or a client/program token): its clients' programs and queues, no teams or agents;
 * - a team lead: its teams and their agents, and only the programs and queues its teams' calls (and the
 *   calls a sample assigned to it) belong to;
 * - an agent: itself, and the programs and queues of its own calls.
 */
export async function callFilterOptions({ ctx }: { ctx: Ctx }): Promise<CallFilterOptions> {
  const p = ctx.principal;
  const v = callVisibility(p);
  const tenant = p.tenantId;

  let programScope: number[] | null = null;
  let queueScope: number[] | null = null;
  if (!v.all) {
    // Programs a client auditor (or a client/program token) sees whole, with all their queues.
    const wholePrograms = new Set(v.programIds);
    if (v.clientIds.length) {
      const rows = await ctx.db.select({ id: programs.id }).from(programs).where(and(eq(programs.tenantId, tenant), inArray(programs.clientId, v.clientIds)));
      rows.forEach((r) => wholePrograms.add(r.id));
    }
    const programIds = new Set(wholePrograms);
    const queueIds = new Set<number>();
    if (wholePrograms.size) {
      const rows = await ctx.db.select({ id: queues.id }).from(queues).where(and(eq(queues.tenantId, tenant), inArray(queues.programId, [...wholePrograms])));
      rows.forEach((r) => queueIds.add(r.id));
    }
    // Reached through people (own calls, led teams' calls, calls a sample assigned): the programs and queues of those calls only.
    const agentIds = new Set(v.agentIds);
    if (v.teamIds.length) {
      const rows = await ctx.db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenant), inArray(people.teamId, v.teamIds)));
      rows.forEach((r) => agentIds.add(r.id));
    }
    const byPeople = [
      ...(agentIds.size ? [inArray(calls.agentId, [...agentIds])] : []),
      ...(v.assignedToPersonId != null ? [assignedBySample(tenant, v.assignedToPersonId, calls.id)] : [])
    ];
    if (byPeople.length) {
      const rows = await ctx.db
        .selectDistinct({ programId: calls.programId, queueId: calls.queueId })
        .from(calls)
        .where(and(eq(calls.tenantId, tenant), or(...byPeople)));
      for (const r of rows) {
        programIds.add(r.programId);
        if (r.queueId != null) queueIds.add(r.queueId);
      }
    }
    programScope = [...programIds];
    queueScope = [...queueIds];
  }

  const programRows = await ctx.db
    .select({ id: programs.id, code: programs.code, name: programs.name, clientId: programs.clientId })
    .from(programs)
    .where(and(eq(programs.tenantId, tenant), programScope ? inArray(programs.id, orNone(programScope)) : undefined))
    .orderBy(asc(programs.code));
  const clientRows = await ctx.db
    .select({ id: clients.id, code: clients.code, name: clients.name })
    .from(clients)
    .where(and(eq(clients.tenantId, tenant), programScope ? inArray(clients.id, orNone([...new Set(programRows.map((r) => r.clientId))])) : undefined))
    .orderBy(asc(clients.code));
  const queueRows = await ctx.db
    .select({ id: queues.id, code: queues.code, name: queues.name, programId: queues.programId })
    .from(queues)
    .where(and(eq(queues.tenantId, tenant), queueScope ? inArray(queues.id, orNone(queueScope)) : undefined))
    .orderBy(asc(queues.programId), asc(queues.code));

  const teamScope = v.all ? null : v.teamIds;
  const teamRows = await ctx.db
    .select({ id: teams.id, code: teams.code, name: teams.name })
    .from(teams)
    .where(and(eq(teams.tenantId, tenant), teamScope ? inArray(teams.id, orNone(teamScope)) : undefined))
    .orderBy(asc(teams.code));
  // Agents: people who work in a team (leads and staff have no team).
  const agentScope = v.all ? null : { teams: v.teamIds, agents: v.agentIds };
  const agentRows =
    agentScope && !agentScope.teams.length && !agentScope.agents.length
      ? []
      : await ctx.db
          .select({ id: people.id, code: people.code, name: people.name, teamId: people.teamId })
          .from(people)
          .where(
            and(
              eq(people.tenantId, tenant),
              isNotNull(people.teamId),
              agentScope ? or(inArray(people.teamId, orNone(agentScope.teams)), inArray(people.id, orNone(agentScope.agents))) : undefined
            )
          )
          .orderBy(asc(people.name));
  return { clients: clientRows, programs: programRows, queues: queueRows, teams: teamRows, agents: agentRows };
}

const orNone = (ids: number[]) => (ids.length ? ids : [-1]);
