import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { callVisibility } from '../policy/calls.ts';

const { clients, people, programs, queues, teams } = schema;

export type CallFilterOptions = {
  clients: { id: number; code: string; name: string }[];
  programs: { id: number; code: string; name: string; clientId: number }[];
  queues: { id: number; code: string; name: string; programId: number }[];
  teams: { id: number; code: string; name: string }[];
  agents: { id: number; code: string; name: string; teamId: number | null }[];
};

/**
 * The values the calls list can be filtered by, limited to what the principal may see: a client
 * auditor sees only its clients' programs; team leads their teams and agents; an agent itself.
 */
export async function callFilterOptions({ ctx }: { ctx: Ctx }): Promise<CallFilterOptions> {
  const p = ctx.principal;
  const v = callVisibility(p);
  const clientScope = v.all || v.teamIds.length || v.agentIds.length ? null : v.clientIds;
  const clientRows = await ctx.db.select({ id: clients.id, code: clients.code, name: clients.name }).from(clients)
    .where(and(eq(clients.tenantId, p.tenantId), clientScope ? inArray(clients.id, clientScope.length ? clientScope : [-1]) : undefined))
    .orderBy(asc(clients.code));
  const clientIds = clientRows.map((c) => c.id);
  const programRows = await ctx.db.select({ id: programs.id, code: programs.code, name: programs.name, clientId: programs.clientId }).from(programs)
    .where(and(eq(programs.tenantId, p.tenantId), inArray(programs.clientId, clientIds.length ? clientIds : [-1])))
    .orderBy(asc(programs.code));
  const programIds = programRows.map((r) => r.id);
  const queueRows = await ctx.db.select({ id: queues.id, code: queues.code, name: queues.name, programId: queues.programId }).from(queues)
    .where(and(eq(queues.tenantId, p.tenantId), inArray(queues.programId, programIds.length ? programIds : [-1])))
    .orderBy(asc(queues.programId), asc(queues.code));

  const teamScope = v.all ? null : v.teamIds;
  const teamRows = await ctx.db.select({ id: teams.id, code: teams.code, name: teams.name }).from(teams)
    .where(and(eq(teams.tenantId, p.tenantId), teamScope ? inArray(teams.id, teamScope.length ? teamScope : [-1]) : undefined))
    .orderBy(asc(teams.code));
  // Agents: people who work in a team (leads and staff have no team).
  const agentScope = v.all ? null : { teams: v.teamIds, agents: v.agentIds };
  const agentRows = agentScope && !agentScope.teams.length && !agentScope.agents.length
    ? []
    : await ctx.db.select({ id: people.id, code: people.code, name: people.name, teamId: people.teamId }).from(people)
        .where(and(
          eq(people.tenantId, p.tenantId),
          isNotNull(people.teamId),
          agentScope ? or(inArray(people.teamId, orNone(agentScope.teams)), inArray(people.id, orNone(agentScope.agents))) : undefined
        ))
        .orderBy(asc(people.name));
  return { clients: clientRows, programs: programRows, queues: queueRows, teams: teamRows, agents: agentRows };
}

const orNone = (ids: number[]) => (ids.length ? ids : [-1]);
