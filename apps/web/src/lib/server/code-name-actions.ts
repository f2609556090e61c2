import { fail, type Action } from '@sveltejs/kit';
import type { Client } from '$lib/api/client';
import { api, send } from './api-client';
import { text } from './form-action';

type Fields = { code: string; name: string } & Record<string, unknown>;
type Lists = Client['api']['admin']['teams' | 'clients' | 'programs'];

/** create/update actions for a code + name admin list; `extra` reads the other fields of the form. */
export function codeNameActions(
  list: (c: Client) => Lists,
  extra: (f: FormData) => Record<string, unknown> = () => ({})
): { create: Action; update: Action } {
  const fields = (f: FormData): Fields => ({
    code: text(f, 'code'),
    name: text(f, 'name'),
    ...extra(f)
  });
  return {
    create: async (event) => {
      const f = await event.request.formData();
      // The extra fields are checked by the API (the same 400 as any other bad input).
      const res = await send(list(api(event)).$post({ json: fields(f) as never }));
      return res.ok ? { success: 'Added.' } : fail(res.status, { message: res.message });
    },
    update: async (event) => {
      const f = await event.request.formData();
      const res = await send(list(api(event))[':id'].$patch({ param: { id: String(Number(f.get('id'))) }, json: fields(f) as never }));
      return res.ok ? { success: 'Saved.' } : fail(res.status, { message: res.message });
    }
  };
}
