import { fail, redirect } from '@sveltejs/kit';
import { getJson, sendJson } from '$lib/server/api-json';
import type { Client, Person, Team } from '$lib/admin-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const [person, teams, clients] = await Promise.all([
    getJson<Person>(fetch, `/api/admin/people/${encodeURIComponent(params.id)}`),
    getJson<{ items: Team[] }>(fetch, '/api/admin/teams'),
    getJson<{ items: Client[] }>(fetch, '/api/admin/clients')
  ]);
  return { person, teams: teams.items, clients: clients.items };
};

const opt = (v: FormDataEntryValue | null) => {
  const s = String(v ?? '').trim();
  return s === '' ? null : s;
};
const num = (v: FormDataEntryValue | null) => (opt(v) == null ? null : Number(v));

export const actions: Actions = {
  update: async ({ request, fetch, params }) => {
    const f = await request.formData();
    const res = await sendJson(fetch, 'PATCH', `/api/admin/people/${params.id}`, {
      code: String(f.get('code') ?? '').trim(),
      name: String(f.get('name') ?? '').trim(),
      email: opt(f.get('email')),
      teamId: num(f.get('teamId')),
      hireDate: opt(f.get('hireDate')),
      leftDate: opt(f.get('leftDate'))
    });
    if (!res.ok) return fail(res.status, { action: 'update', message: res.message });
    return { action: 'update', success: 'Saved.' };
  },
  assignRole: async ({ request, fetch, params }) => {
    const f = await request.formData();
    const res = await sendJson(fetch, 'POST', `/api/admin/people/${params.id}/roles`, {
      role: String(f.get('role') ?? ''),
      teamId: num(f.get('teamId')),
      clientId: num(f.get('clientId'))
    });
    if (!res.ok) return fail(res.status, { action: 'roles', message: res.message });
    return { action: 'roles', success: 'Role given.' };
  },
  revokeRole: async ({ request, fetch }) => {
    const f = await request.formData();
    const assignmentId = String(f.get('assignmentId') ?? '');
    if (!/^[1-9][0-9]*$/.test(assignmentId)) return fail(400, { action: 'roles', message: 'No role chosen.' });
    const confirmed = f.get('confirmOwnAdmin') === 'true';
    const res = await sendJson(fetch, 'DELETE', `/api/admin/role-assignments/${assignmentId}${confirmed ? '?confirmOwnAdmin=true' : ''}`);
    // The API refuses one's own admin role until it is confirmed (and changed nothing): ask the person.
    if (!res.ok && res.status === 409 && !confirmed && /confirmOwnAdmin/.test(res.message)) return { action: 'roles', confirmOwnAdmin: Number(assignmentId) };
    if (!res.ok) return fail(res.status, { action: 'roles', message: res.message });
    // Without the admin role this page is no longer theirs: go home.
    if (confirmed) redirect(303, '/');
    return { action: 'roles', success: 'Role removed.' };
  },
  createAccount: async ({ request, fetch, params }) => {
    const f = await request.formData();
    const res = await sendJson(fetch, 'POST', `/api/admin/people/${params.id}/account`, { email: String(f.get('email') ?? '').trim(), password: String(f.get('password') ?? '') });
    if (!res.ok) return fail(res.status, { action: 'account', message: res.message });
    return { action: 'account', success: 'Sign-in account created. Pass the password on in person.' };
  },
  resetPassword: async ({ request, fetch, params }) => {
    const f = await request.formData();
    const res = await sendJson<{ sessionsEnded: number }>(fetch, 'POST', `/api/admin/people/${params.id}/password`, { password: String(f.get('password') ?? '') });
    if (!res.ok) return fail(res.status, { action: 'account', message: res.message });
    return { action: 'account', success: `Password reset; ${res.data.sessionsEnded} session(s) ended.` };
  }
};
