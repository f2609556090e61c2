import { fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The contact center's time zone and default language (admins; the admin layout guards the page). */
export const load: PageServerLoad = async (event) => ({
  settings: await read(event, api(event).api.admin.settings.$get()),
  // The zones this server knows: the API accepts exactly these (shared isTimeZone).
  zones: Intl.supportedValuesOf('timeZone')
});

export const actions: Actions = {
  default: async (event) => {
    const f = await event.request.formData();
    const json = { timeZone: String(f.get('timeZone') ?? ''), defaultLanguage: String(f.get('defaultLanguage') ?? '') };
    const res = await send(api(event).api.admin.settings.$put({ json: json as never }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res), details: res.details, values: json });
    return { success: m.admin_settings_saved() };
  }
};
