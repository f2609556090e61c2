import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageSampling, hasWorkQueue } from '../policy/sampling.ts';

/** What the plan editor offers: programs with their queues and the dispositions seen in their calls. */
export async function samplingOptions({ ctx }: { ctx: Ctx }) {
  const p = ctx.principal;
  if (!canManageSampling(p)) throw forbidden('Only admins and QA analysts plan sampling');
  const programs = await ctx.db
    .select({
      id: schema.programs.id,
      name: schema.programs.name,
      code: schema.programs.code,
      clientId: schema.clients.id,
      clientName: schema.clients.name
    })
    .from(schema.programs)
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .where(eq(schema.programs.tenantId, p.tenantId))
    .orderBy(asc(schema.clients.name), asc(schema.programs.name));
  const queues = await ctx.db
    .select({ id: schema.queues.id, programId: schema.queues.programId, code: schema.queues.code, name: schema.queues.name })
    .from(schema.queues)
    .where(eq(schema.queues.tenantId, p.tenantId))
    .orderBy(asc(schema.queues.name));
  // Distinct dispositions per program, via the (program, time) index's program prefix.
  const dispositions = await ctx.db
    .selectDistinct({ programId: schema.calls.programId, disposition: schema.calls.disposition })
    .from(schema.calls)
    .where(
      and(
        eq(schema.calls.tenantId, p.tenantId),
        isNotNull(schema.calls.disposition),
        sql`${schema.calls.startedAt} > ${Date.now() - 90 * 86_400_000}`
      )
    )
    .limit(500);
  return {
    programs: programs.map((pr) => ({
      ...pr,
      queues: queues.filter((q) => q.programId === pr.id).map(({ programId: _p, ...q }) => q),
      dispositions: dispositions
        .filter((d) => d.programId === pr.id)
        .map((d) => d.disposition!)
        .sort()
    }))
  };
}

/** Evaluators an item can be handed to (for reassignment): team leads, QA analysts and admins with a person record. */
export async function listEvaluators({ ctx }: { ctx: Ctx }) {
  const p = ctx.principal;
  if (!canManageSampling(p) && !hasWorkQueue(p)) throw forbidden('Only evaluators see the list of evaluators');
  const rows = await ctx.db
    .select({
      personId: schema.people.id,
      name: schema.people.name,
      role: schema.roleAssignments.role,
      teamId: schema.roleAssignments.teamId
    })
    .from(schema.roleAssignments)
    .innerJoin(schema.people, eq(schema.people.id, schema.roleAssignments.personId))
    .where(
      and(
        eq(schema.roleAssignments.tenantId, p.tenantId),
        inArray(schema.roleAssignments.role, ['team_lead', 'qa_analyst', 'admin']),
        sql`${schema.people.leftDate} is null`
      )
    )
    .orderBy(asc(schema.people.name));
  const out = new Map<number, { personId: number; name: string; roles: string[]; teamIds: number[] }>();
  for (const r of rows) {
    const e = out.get(r.personId) ?? { personId: r.personId, name: r.name, roles: [], teamIds: [] };
    if (!e.roles.includes(r.role)) e.roles.push(r.role);
    if (r.teamId != null) e.teamIds.push(r.teamId);
    out.set(r.personId, e);
  }
  return [...out.values()];
}
