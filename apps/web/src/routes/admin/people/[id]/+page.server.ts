import { fail, redirect } from '@sveltejs/kit';
import type { Role } from '@attentive/shared';
import { api, load as read, send } from '$lib/server/api-client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const c = api(event).api.admin;
  const [person, teams, clients] = await Promise.all([
    read(event, c.people[':id'].$get({ param: { id: event.params.id } })),
    read(event, c.teams.$get()),
    read(event, c.clients.$get())
  ]);
  return { person, teams: teams.items, clients: clients.items };
};

const opt = (v: FormDataEntryValue | null) => {
  const s = String(v ?? '').trim();
  return s === '' ? null : s;
};
const people = (event: Parameters<typeof api>[0]) => api(event).api.admin.people[':id'];
const num = (v: FormDataEntryValue | null) => (opt(v) == null ? null : Number(v));

export const actions: Actions = {
  update: async (event) => {
    const f = await event.request.formData();
    const res = await send(
      people(event).$patch({
        param: { id: event.params.id },
        json: {
          code: String(f.get('code') ?? '').trim(),
          name: String(f.get('name') ?? '').trim(),
          email: opt(f.get('email')),
          teamId: num(f.get('teamId')),
          hireDate: opt(f.get('hireDate')),
          leftDate: opt(f.get('leftDate'))
        }
      })
    );
    if (!res.ok) return fail(res.status, { action: 'update', message: res.message });
    return { action: 'update', success: 'Saved.' };
  },
  assignRole: async (event) => {
    const f = await event.request.formData();
    const res = await send(
      people(event).roles.$post({
        param: { id: event.params.id },
        json: {
          role: String(f.get('role') ?? '') as Role,
          teamId: num(f.get('teamId')),
          clientId: num(f.get('clientId'))
        }
      })
    );
    if (!res.ok) return fail(res.status, { action: 'roles', message: res.message });
    return { action: 'roles', success: 'Role given.' };
  },
  revokeRole: async (event) => {
    const f = await event.request.formData();
    const assignmentId = String(f.get('assignmentId') ?? '');
    if (!/^[1-9][0-9]*$/.test(assignmentId)) return fail(400, { action: 'roles', message: 'No role chosen.' });
    const confirmed = f.get('confirmOwnAdmin') === 'true';
    const res = await send(
      api(event).api.admin['role-assignments'][':id'].$delete({
        param: { id: assignmentId },
        query: confirmed ? { confirmOwnAdmin: 'true' } : {}
      })
    );
    // The API refuses one's own admin role until it is confirmed (and changed nothing): ask the person.
    if (!res.ok && res.status === 409 && !confirmed && /confirmOwnAdmin/.test(res.message))
      return { action: 'roles', confirmOwnAdmin: Number(assignmentId) };
    if (!res.ok) return fail(res.status, { action: 'roles', message: res.message });
    // Without the admin role this page is no longer theirs: go home.
    if (confirmed) redirect(303, '/');
    return { action: 'roles', success: 'Role removed.' };
  },
  createAccount: async (event) => {
    const f = await event.request.formData();
    const res = await send(
      people(event).account.$post({
        param: { id: event.params.id },
        json: { email: String(f.get('email') ?? '').trim(), password: String(f.get('password') ?? '') }
      })
    );
    if (!res.ok) return fail(res.status, { action: 'account', message: res.message });
    return { action: 'account', success: 'Sign-in account created. Pass the password on in person.' };
  },
  resetPassword: async (event) => {
    const f = await event.request.formData();
    const res = await send(
      people(event).password.$post({ param: { id: event.params.id }, json: { password: String(f.get('password') ?? '') } })
    );
    if (!res.ok) return fail(res.status, { action: 'account', message: res.message });
    return { action: 'account', success: `Password reset; ${res.data.sessionsEnded} session(s) ended.` };
  }
};
