import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageSampling } from '../policy/sampling.ts';

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
