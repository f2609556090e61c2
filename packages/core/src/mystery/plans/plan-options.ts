import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { MysteryPlanOptions } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { requireMysteryManager, shoppersById } from './plan-support.ts';

/** What the plan editor picks from: the tenant's programs and mystery shoppers, and its clock. */
export async function mysteryPlanOptions({ ctx }: { ctx: Ctx }): Promise<MysteryPlanOptions> {
  requireMysteryManager(ctx);
  const tenantId = ctx.principal.tenantId;
  const programs = await ctx.db
    .select({ id: schema.programs.id, name: schema.programs.name, clientName: schema.clients.name })
    .from(schema.programs)
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .where(eq(schema.programs.tenantId, tenantId))
    .orderBy(schema.programs.name);
  return { programs, shoppers: [...(await shoppersById(ctx.db, tenantId)).values()], timeZone: await tenantTimeZone(ctx) };
}
