import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { ContractOverview } from '@attentive/shared/contract-terms';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { canReadClientPortal, portalClientIds } from '../../policy/client-audit.ts';
import { inForce, termsView, thisMonth, type TermsRow } from './terms-support.ts';

/**
 * Every program the reader may see (admins: all of the tenant; a client auditor: its clients' programs) with
 * the terms in force this month and how many versions it has: the contracts overview. Others: 403.
 */
export async function listContracts({ ctx }: { ctx: Ctx }): Promise<ContractOverview> {
  const p = ctx.principal;
  if (!canReadClientPortal(p)) throw forbidden("Contract terms are for admins and the client's auditors");
  const clientIds = portalClientIds(p);
  const pr = schema.programs;
  const cl = schema.clients;
  const programs = await ctx.db
    .select({ id: pr.id, code: pr.code, name: pr.name, clientId: cl.id, clientCode: cl.code, clientName: cl.name })
    .from(pr)
    .innerJoin(cl, eq(cl.id, pr.clientId))
    .where(and(eq(pr.tenantId, p.tenantId), clientIds === 'all' ? undefined : inArray(pr.clientId, clientIds)))
    .orderBy(asc(cl.name), asc(pr.code));
  const ct = schema.contractTerms;
  const [rows, month] = await Promise.all([
    programs.length
      ? ctx.db
          .select()
          .from(ct)
          .where(
            and(
              eq(ct.tenantId, p.tenantId),
              inArray(
                ct.programId,
                programs.map((x) => x.id)
              )
            )
          )
      : Promise.resolve([] as TermsRow[]),
    thisMonth(ctx)
  ]);
  const byProgram = new Map<number, TermsRow[]>();
  for (const r of rows) byProgram.set(r.programId, [...(byProgram.get(r.programId) ?? []), r]);
  return {
    month,
    items: programs.map((x) => {
      const versions = byProgram.get(x.id) ?? [];
      const current = inForce(versions, month);
      return {
        program: { id: x.id, code: x.code, name: x.name },
        client: { id: x.clientId, code: x.clientCode, name: x.clientName },
        versions: versions.length,
        current: current ? termsView(current) : null
      };
    })
  };
}
