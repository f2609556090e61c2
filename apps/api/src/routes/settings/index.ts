import { LOCALES, MyPreferences, TenantSettings } from '@attentive/shared/settings';
import { getTenantSettings, setMyPreferences, updateTenantSettings } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';

/**
 * Settings (issue 12): a person's language for its screens, and the contact center's time zone and
 * default language (admins). GET /api/me returns both to every screen.
 */

const TenantSettingsOut = TenantSettings.meta({
  id: 'TenantSettings',
  description: `The contact center's clock (IANA time zone) and the screens' default language (${LOCALES.join(', ')})`
});
const PreferencesOut = MyPreferences.meta({
  id: 'MyPreferences',
  description: "The person's language for its screens; null: the browser's, else the contact center's default"
});

export function settingsRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'put',
        path: '/me/preferences',
        operationId: 'setMyPreferences',
        tags: ['Accounts'],
        summary: "Set the signed-in person's language for its screens (null: follow the browser)",
        request: body(MyPreferences),
        responses: { 200: json(PreferencesOut, 'Saved') }
      }),
      async (c) => c.json(await setMyPreferences({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/admin/settings',
        operationId: 'getTenantSettings',
        tags: ['Admin'],
        summary: "The contact center's time zone and default language",
        responses: { 200: json(TenantSettingsOut, 'Settings') }
      }),
      async (c) => c.json(await getTenantSettings({ ctx: ctxOf(c, deps) }), 200)
    )
    .openapi(
      route({
        method: 'put',
        path: '/admin/settings',
        operationId: 'updateTenantSettings',
        tags: ['Admin'],
        summary: "Change the contact center's time zone and default language",
        request: body(TenantSettings),
        responses: { 200: json(TenantSettingsOut, 'Saved') }
      }),
      async (c) => c.json(await updateTenantSettings({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 200)
    );
}
