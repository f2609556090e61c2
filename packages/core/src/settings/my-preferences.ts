import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { MyPreferences } from '@attentive/shared/settings';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { parseInput } from '../input.ts';
import { readTenantSettings } from './tenant-settings.ts';

/** The person's chosen language (null: none chosen) with the tenant's zone and default language, for GET /api/me. */
export async function mySettings({ ctx }: { ctx: Ctx }) {
  const tenant = await readTenantSettings(ctx.db, ctx.principal.tenantId);
  let locale: MyPreferences['locale'] = null;
  if (ctx.principal.personId != null) {
    const [row] = await ctx.db
      .select({ locale: schema.people.locale })
      .from(schema.people)
      .where(eq(schema.people.id, ctx.principal.personId));
    locale = row?.locale ?? null;
  }
  return { locale, timeZone: tenant.timeZone, defaultLanguage: tenant.defaultLanguage };
}

/**
 * A signed-in person sets the language of its own screens (the header's switcher). Not audited: it is a
 * display preference that changes nothing anyone else sees. API tokens have no person and no screens.
 */
export async function setMyPreferences({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MyPreferences> {
  const personId = ctx.principal.personId;
  if (ctx.principal.kind !== 'user' || personId == null) throw forbidden('Only a signed-in person has preferences');
  const next = parseInput(MyPreferences, input);
  await ctx.db.transaction(async (tx) => {
    await tx.update(schema.people).set({ locale: next.locale }).where(eq(schema.people.id, personId));
  });
  return next;
}
