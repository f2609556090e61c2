import { fail, type Action } from '@sveltejs/kit';
import { sendJson } from './api-json';

/** create/update actions for a code + name admin list; `extra` reads the other fields of the form. */
export function codeNameActions(base: string, extra: (f: FormData) => Record<string, unknown> = () => ({})): { create: Action; update: Action } {
  const fields = (f: FormData) => ({ code: String(f.get('code') ?? '').trim(), name: String(f.get('name') ?? '').trim(), ...extra(f) });
  return {
    create: async ({ request, fetch }) => {
      const f = await request.formData();
      const res = await sendJson(fetch, 'POST', base, fields(f));
      return res.ok ? { success: 'Added.' } : fail(res.status, { message: res.message });
    },
    update: async ({ request, fetch }) => {
      const f = await request.formData();
      const res = await sendJson(fetch, 'PATCH', `${base}/${Number(f.get('id'))}`, fields(f));
      return res.ok ? { success: 'Saved.' } : fail(res.status, { message: res.message });
    }
  };
}
