import { error } from '@sveltejs/kit';
import { api, send } from '$lib/server/api-client';
import { can } from '$lib/server/guard';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * The scenario library, by program: managers keep it, a client auditor reads its own programs' scenarios. The API
 * decides who reads which (its 403 for anyone else is this page's 404, like every page a person may not use).
 */
export const load: PageServerLoad = async (event) => {
  const me = event.locals.me;
  if (!can(me, 'manageMystery') && !can(me, 'readReachability')) error(404, m.error_NOT_FOUND());
  const res = await send(api(event).api.mystery.scenarios.$get({ query: { includeRetired: 'true' } }));
  if (!res.ok) error(res.status === 403 ? 404 : res.status, res.status === 403 ? m.error_NOT_FOUND() : apiErrorMessage(res));
  const scenarios = res.data.items;
  // Programs in the API's order (by name), each with its scenarios in use; retired ones are listed apart.
  const programs = [...new Map(scenarios.map((s) => [s.programId, s.programName])).entries()].map(([id, name]) => ({
    id,
    name,
    scenarios: scenarios.filter((s) => s.programId === id && !s.retiredAt)
  }));
  return { programs, retired: scenarios.filter((s) => s.retiredAt), manager: can(me, 'manageMystery') };
};
