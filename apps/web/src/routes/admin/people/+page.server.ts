import { fail, redirect } from '@sveltejs/kit';
import { getJson, sendJson } from '$lib/server/api-json';
import type { PersonRow, Team } from '$lib/admin-types';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 100;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const q = url.searchParams.get('q') ?? '';
  const role = url.searchParams.get('role') ?? '';
  const teamId = url.searchParams.get('teamId') ?? '';
  const offset = Math.max(0, Number(url.searchParams.get('offset')) || 0);
  const qs = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (q) qs.set('q', q);
  if (role) qs.set('role', role);
  if (teamId) qs.set('teamId', teamId);
  const [people, teams] = await Promise.all([
    getJson<{ items: PersonRow[]; hasMore: boolean }>(fetch, `/api/admin/people?${qs}`),
    getJson<{ items: Team[] }>(fetch, '/api/admin/teams')
  ]);
  return { people: people.items, hasMore: people.hasMore, offset, pageSize: PAGE, teams: teams.items, filter: { q, role, teamId } };
};

const opt = (v: FormDataEntryValue | null) => {
  const s = String(v ?? '').trim();
  return s === '' ? null : s;
};

export const actions: Actions = {
  create: async ({ request, fetch }) => {
    const f = await request.formData();
    const body = {
      code: String(f.get('code') ?? '').trim(),
      name: String(f.get('name') ?? '').trim(),
      email: opt(f.get('email')),
      teamId: opt(f.get('teamId')) ? Number(f.get('teamId')) : null,
      hireDate: opt(f.get('hireDate'))
    };
    const res = await sendJson<{ id: number }>(fetch, 'POST', '/api/admin/people', body);
    if (!res.ok) return fail(res.status, { create: body, message: res.message });
    redirect(303, `/admin/people/${res.data.id}`);
  }
};
