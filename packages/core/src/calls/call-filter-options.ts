import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { callVisibility } from '../policy/calls.ts';
import { programVisibility } from '../policy/admin.ts';

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
 * names clients, programs and colleagues, so it must not be wider than the principal's view:
 * - clients, programs, queues: those the principal may know exist (policy/admin.ts programVisibility: the
 *   whole contact center for staff — admins, QA analysts, team leads; a client auditor's or token's own
 *   client or program), and for an agent the programs and queues of its own calls only;
 * - teams and agents: a team lead's teams and their agents, an agent itself, the whole roster for staff.
 */
export async function callFilterOptions({ ctx }: { ctx: Ctx }): Promise<CallFilterOptions> {
  const p = ctx.principal;
  const v = callVisibility(p);
  const pv = programVisibility(p);
  const tenant = p.tenantId;

  let programScope: number[] | null = null;
  let queueScope: number[] | null = null;
  if (!v.all && !pv.all) {
    // Programs seen whole (a client's, a token's), with all their queues.
    const whole = new Set(pv.programIds);
    if (pv.clientIds.length) {
      const rows = await ctx.db
        .select({ id: programs.id })
        .from(programs)
        .where(and(eq(programs.tenantId, tenant), inArray(programs.clientId, pv.clientIds)));
      rows.forEach((r) => whole.add(r.id));
    }
    const programIds = new Set(whole);
    const queueIds = new Set<number>();
    if (whole.size) {
      const rows = await ctx.db
        .select({ id: queues.id })
        .from(queues)
        .where(and(eq(queues.tenantId, tenant), inArray(queues.programId, [...whole])));
      rows.forEach((r) => queueIds.add(r.id));
    }
    // An agent's own calls: only their programs and queues. The agent ids are the principal's own person
    // (of this tenant), so the tenant test is kept out of the index choice (`+`): the agent index is the narrow one.
    if (v.agentIds.length) {
      const rows = await ctx.db
        .selectDistinct({ programId: calls.programId, queueId: calls.queueId })
        .from(calls)
        .where(and(sql`+${calls.tenantId} = ${tenant}`, inArray(calls.agentId, v.agentIds)));
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
    .where(
      and(
        eq(clients.tenantId, tenant),
        programScope ? inArray(clients.id, orNone([...new Set(programRows.map((r) => r.clientId))])) : undefined
      )
    )
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
