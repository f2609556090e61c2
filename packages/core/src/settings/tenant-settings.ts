import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { DEFAULT_TIME_ZONE, TenantSettings } from '@attentive/shared/settings';
import { nowOf, type Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { parseInput } from '../input.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { changesNothing } from '../org/org-unit-rules.ts';

/** One read per request: verbs that need the zone several times ask this, not the database. */
const zoneOfCtx = new WeakMap<Ctx, Promise<string>>();

/**
 * The contact center's clock (an IANA zone, a tenant setting): calendar days, due dates and "this week"
 * are cut in it, whatever the server's zone. Europe/Amsterdam when the tenant row has none.
 */
export function tenantTimeZone(ctx: Ctx): Promise<string> {
  let zone = zoneOfCtx.get(ctx);
  if (!zone) {
    zone = ctx.db
      .select({ timeZone: schema.tenants.timeZone })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, ctx.principal.tenantId))
      .then(([row]) => row?.timeZone || DEFAULT_TIME_ZONE);
    zoneOfCtx.set(ctx, zone);
  }
  return zone;
}

/** The principal's tenant's settings, unchecked: every screen needs them (GET /api/me hands them to everyone signed in). */
export async function readTenantSettings(db: DbOrTx, tenantId: number): Promise<TenantSettings> {
  const [row] = await db
    .select({ timeZone: schema.tenants.timeZone, defaultLanguage: schema.tenants.defaultLanguage })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  if (!row) throw notFound('Tenant');
  return row;
}

/** The settings screen's read: for admins, like the change. */
export async function getTenantSettings({ ctx }: { ctx: Ctx }): Promise<TenantSettings> {
  mustAdminister(ctx);
  return readTenantSettings(ctx.db, ctx.principal.tenantId);
}

function mustAdminister(ctx: Ctx) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may see and change the contact center settings');
}

/** An admin changes the tenant's time zone and default language; audited, nothing written when nothing changes. */
export async function updateTenantSettings({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<TenantSettings> {
  mustAdminister(ctx);
  const next = parseInput(TenantSettings, input);
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = await readTenantSettings(tx, tenantId);
    if (changesNothing(before, next)) return before;
    await tx.update(schema.tenants).set(next).where(eq(schema.tenants.id, tenantId));
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      { action: 'tenant.settings', objectType: 'tenant', objectId: tenantId, before, after: next },
      nowOf(ctx)
    );
    return next;
  });
}
