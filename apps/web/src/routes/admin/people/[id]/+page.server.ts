import { fail, redirect } from '@sveltejs/kit';
import type { Role } from '@attentive/shared';
import { api, load as read, send } from '$lib/server/api-client';
import { optionalNumber, optionalText, personFields, raw, reply, text } from '$lib/server/form-action';
import { adminProblem, PERSON_FIELDS } from '$lib/components/admin/problem';
import { m } from '$lib/paraglide/messages';
import type { Sent } from '$lib/api/client';
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

/** The API's refusal said in the person's language (`conflict`: what a 409 means for this form). */
const said = <T>(res: Sent<T>, conflict: () => string): Sent<T> =>
  res.ok ? res : { ...res, message: adminProblem(res, conflict, { ...PERSON_FIELDS, password: m.admin_account_password }) };

const people = (event: Parameters<typeof api>[0]) => api(event).api.admin.people[':id'];

export const actions: Actions = {
  update: async (event) => {
    const f = await event.request.formData();
    const json = { ...personFields(f), leftDate: optionalText(f, 'leftDate') };
    const res = await send(people(event).$patch({ param: { id: event.params.id }, json }));
    // Two conflicts here: the code is taken, or leaving would remove the last admin who can sign in.
    const conflict = !res.ok && /last admin/.test(res.message) ? m.admin_role_last_admin : m.admin_person_code_taken;
    return reply(said(res, conflict), { action: 'update' }, m.admin_saved());
  },
  assignRole: async (event) => {
    const f = await event.request.formData();
    const json = { role: raw(f, 'role') as Role, teamId: optionalNumber(f, 'teamId'), clientId: optionalNumber(f, 'clientId') };
    const res = await send(people(event).roles.$post({ param: { id: event.params.id }, json }));
    return reply(said(res, m.admin_role_held), { action: 'roles' }, m.admin_role_given());
  },
  revokeRole: async (event) => {
    const f = await event.request.formData();
    const assignmentId = raw(f, 'assignmentId');
    if (!/^[1-9][0-9]*$/.test(assignmentId)) return fail(400, { action: 'roles', message: m.admin_role_none_chosen() });
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
    if (!res.ok) return fail(res.status, { action: 'roles', message: adminProblem(res, m.admin_role_last_admin) });
    // Without the admin role this page is no longer theirs: go home.
    if (confirmed) redirect(303, '/');
    return { action: 'roles', success: m.admin_role_removed() };
  },
  createAccount: async (event) => {
    const f = await event.request.formData();
    const json = { email: text(f, 'email'), password: raw(f, 'password') };
    const res = await send(people(event).account.$post({ param: { id: event.params.id }, json }));
    return reply(said(res, m.admin_account_taken), { action: 'account' }, m.admin_account_created());
  },
  resetPassword: async (event) => {
    const f = await event.request.formData();
    const res = await send(people(event).password.$post({ param: { id: event.params.id }, json: { password: raw(f, 'password') } }));
    return reply(said(res, m.admin_account_missing), { action: 'account' }, (d) =>
      m.admin_password_reset_done({ sessions: d.sessionsEnded })
    );
  }
};
