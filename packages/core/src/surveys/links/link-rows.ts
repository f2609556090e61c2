import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';

/**
 * What a link verb needs to know about callback items, read in one query: the item, its draw's survey
 * version, the plan's link validity, the customer's sealed e-mail, language and opt-out, the call's start,
 * the brand (client name) and the tenant's clock and default language.
 */
export async function linkItemRows(tx: DbOrTx, tenantId: number, where: { itemIds?: number[]; drawId?: number }) {
  const i = schema.callbackItems;
  const conditions = [eq(i.tenantId, tenantId)];
  if (where.itemIds) conditions.push(inArray(i.id, where.itemIds));
  if (where.drawId != null) conditions.push(eq(i.drawId, where.drawId));
  return tx
    .select({
      id: i.id,
      tenantId: i.tenantId,
      drawId: i.drawId,
      callId: i.callId,
      programId: i.programId,
      agentId: i.agentId,
      contactId: i.contactId,
      channel: i.channel,
      status: i.status,
      attempts: i.attempts,
      closedAt: i.closedAt,
      templateVersionId: schema.callbackDraws.templateVersionId,
      linkValidHours: schema.callbackPlans.linkValidHours,
      emailCipher: schema.customerContacts.emailCipher,
      contactLanguage: schema.customerContacts.language,
      optedOutAt: schema.customerContacts.optedOutAt,
      erasedAt: schema.customerContacts.erasedAt,
      callStartedAt: schema.calls.startedAt,
      brand: schema.clients.name,
      timeZone: schema.tenants.timeZone,
      defaultLanguage: schema.tenants.defaultLanguage
    })
    .from(i)
    .innerJoin(schema.callbackDraws, eq(schema.callbackDraws.id, i.drawId))
    .innerJoin(schema.callbackPlans, eq(schema.callbackPlans.id, schema.callbackDraws.planId))
    .innerJoin(schema.customerContacts, eq(schema.customerContacts.id, i.contactId))
    .innerJoin(schema.calls, eq(schema.calls.id, i.callId))
    .innerJoin(schema.programs, eq(schema.programs.id, i.programId))
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .innerJoin(schema.tenants, eq(schema.tenants.id, i.tenantId))
    .where(and(...conditions))
    .orderBy(i.rank);
}
export type LinkItemRow = Awaited<ReturnType<typeof linkItemRows>>[number];

/** The newest link of each item (issuing a link retires the older ones, so the newest is the one that counts). */
export async function newestLinks(tx: DbOrTx, itemIds: number[]) {
  const out = new Map<number, typeof schema.surveyLinks.$inferSelect>();
  for (let k = 0; k < itemIds.length; k += 500) {
    const rows = await tx
      .select()
      .from(schema.surveyLinks)
      .where(inArray(schema.surveyLinks.itemId, itemIds.slice(k, k + 500)))
      .orderBy(desc(schema.surveyLinks.id));
    for (const r of rows) if (!out.has(r.itemId)) out.set(r.itemId, r);
  }
  return out;
}

/** Ends an item's unused links that still work: the customer holds at most one live link per item. */
export async function retireLiveLinks(tx: DbOrTx, itemId: number, at: Date) {
  const l = schema.surveyLinks;
  await tx
    .update(l)
    .set({ expiresAt: at })
    .where(and(eq(l.itemId, itemId), isNull(l.usedAt), gt(l.expiresAt, at)));
}
