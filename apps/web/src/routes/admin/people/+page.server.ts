import { fail, redirect } from '@sveltejs/kit';
import type { Role } from '@attentive/shared';
import { api, load as read, send } from '$lib/server/api-client';
import { personFields } from '$lib/server/form-action';
import { adminProblem, PERSON_FIELDS } from '$lib/components/admin/problem';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 100;

export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const q = url.searchParams.get('q') ?? '';
  const role = url.searchParams.get('role') ?? '';
  const teamId = url.searchParams.get('teamId') ?? '';
  const offset = Math.max(0, Number(url.searchParams.get('offset')) || 0);
  const query = {
    limit: String(PAGE),
    offset: String(offset),
    ...(q ? { q } : {}),
    ...(role ? { role: role as Role } : {}),
    ...(teamId ? { teamId } : {})
  };
  const c = api(event).api.admin;
  const [people, teams] = await Promise.all([read(event, c.people.$get({ query })), read(event, c.teams.$get())]);
  return { people: people.items, hasMore: people.hasMore, offset, pageSize: PAGE, teams: teams.items, filter: { q, role, teamId } };
};

export const actions: Actions = {
  create: async (event) => {
    const f = await event.request.formData();
    const body = personFields(f);
    const res = await send(api(event).api.admin.people.$post({ json: body }));
    if (!res.ok) return fail(res.status, { create: body, message: adminProblem(res, m.admin_person_code_taken, PERSON_FIELDS) });
    redirect(303, `/admin/people/${res.data.id}`);
  }
};
