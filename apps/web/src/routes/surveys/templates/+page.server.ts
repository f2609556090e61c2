import { api, load as read } from '$lib/server/api-client';
import { requireCan } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

/**
 * Survey templates by program (admins, QA): each program's template in use, the programs still without one, and
 * the retired templates apart. `?program=` shows one program.
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageSurveys');
  const c = api(event).api;
  const [list, programs] = await Promise.all([
    read(event, c.surveys.templates.$get({ query: { includeRetired: 'true' } })),
    read(event, c.admin.programs.$get())
  ]);
  const wanted = Number(event.url.searchParams.get('program'));
  const filter = programs.items.some((p) => p.id === wanted) ? wanted : null;
  const shown = programs.items.filter((p) => filter == null || p.id === filter);
  const inUse = list.items.filter((t) => !t.retiredAt);
  return {
    programs: programs.items.map((p) => ({ id: p.id, code: p.code, name: p.name })),
    filter,
    rows: shown.map((p) => ({ id: p.id, code: p.code, name: p.name, template: inUse.find((t) => t.programId === p.id) ?? null })),
    retired: list.items.filter((t) => t.retiredAt && (filter == null || t.programId === filter))
  };
};
