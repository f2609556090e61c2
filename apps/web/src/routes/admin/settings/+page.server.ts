import { fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The contact center's time zone and default language (admins; the admin layout guards the page). */
export const load: PageServerLoad = async (event) => {
  const settings = await read(event, api(event).api.admin.settings.$get());
  // The zones this runtime lists, plus the saved one if the list lacks it (e.g. "UTC", which the API accepts):
  // saving the form unchanged must keep it.
  const zones = Intl.supportedValuesOf('timeZone');
  return { settings, zones: zones.includes(settings.timeZone) ? zones : [settings.timeZone, ...zones] };
};

export const actions: Actions = {
  default: async (event) => {
    const f = await event.request.formData();
    const json = { timeZone: String(f.get('timeZone') ?? ''), defaultLanguage: String(f.get('defaultLanguage') ?? '') };
    const res = await send(api(event).api.admin.settings.$put({ json: json as never }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res), details: res.details, values: json });
    return { success: m.admin_settings_saved() };
  }
};
