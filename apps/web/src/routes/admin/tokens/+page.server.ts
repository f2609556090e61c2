import { fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { raw, text } from '$lib/server/form-action';
import { adminProblem } from '$lib/components/admin/problem';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const c = api(event).api.admin;
  const [tokens, programs, clients] = await Promise.all([
    read(event, c['api-tokens'].$get()),
    read(event, c.programs.$get()),
    read(event, c.clients.$get())
  ]);
  return { tokens: tokens.items, programs: programs.items, clients: clients.items };
};

export const actions: Actions = {
  create: async (event) => {
    const f = await event.request.formData();
    const [kind, id] = raw(f, 'scope').split(':');
    const json = {
      name: text(f, 'name'),
      ...(kind === 'program' ? { programId: Number(id) } : kind === 'client' ? { clientId: Number(id) } : {})
    };
    const res = await send(api(event).api.admin['api-tokens'].$post({ json }));
    if (!res.ok) return fail(res.status, { message: adminProblem(res, undefined, { name: m.admin_name }) });
    // Shown once, in this answer only; never stored in plain text.
    return { created: { name: res.data.name, token: res.data.token } };
  },
  revoke: async (event) => {
    const f = await event.request.formData();
    const res = await send(api(event).api.admin['api-tokens'][':id'].revoke.$post({ param: { id: String(Number(f.get('id'))) } }));
    if (!res.ok) return fail(res.status, { message: adminProblem(res) });
    return { revoked: true };
  }
};
