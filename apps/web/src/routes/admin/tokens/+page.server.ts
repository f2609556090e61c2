import { fail } from '@sveltejs/kit';
import { getJson, sendJson } from '$lib/server/api-json';
import type { ApiToken, Client, Program } from '$lib/admin-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [tokens, programs, clients] = await Promise.all([
    getJson<{ items: ApiToken[] }>(fetch, '/api/admin/api-tokens'),
    getJson<{ items: Program[] }>(fetch, '/api/admin/programs'),
    getJson<{ items: Client[] }>(fetch, '/api/admin/clients')
  ]);
  return { tokens: tokens.items, programs: programs.items, clients: clients.items };
};

export const actions: Actions = {
  create: async ({ request, fetch }) => {
    const f = await request.formData();
    const [kind, id] = String(f.get('scope') ?? '').split(':');
    const body = { name: String(f.get('name') ?? '').trim(), ...(kind === 'program' ? { programId: Number(id) } : kind === 'client' ? { clientId: Number(id) } : {}) };
    const res = await sendJson<ApiToken & { token: string }>(fetch, 'POST', '/api/admin/api-tokens', body);
    if (!res.ok) return fail(res.status, { message: res.message });
    // Shown once, in this answer only; never stored in plain text.
    return { created: { name: res.data.name, token: res.data.token } };
  },
  revoke: async ({ request, fetch }) => {
    const f = await request.formData();
    const res = await sendJson(fetch, 'POST', `/api/admin/api-tokens/${Number(f.get('id'))}/revoke`);
    if (!res.ok) return fail(res.status, { message: res.message });
    return { revoked: true };
  }
};
