import { fail, type Action } from '@sveltejs/kit';
import type { Client } from '$lib/api/client';
import { api, send } from './api-client';
import { text } from './form-action';
import { adminProblem, CODE_NAME_FIELDS } from '$lib/components/admin/problem';
import { m } from '$lib/paraglide/messages';

type Fields = { code: string; name: string } & Record<string, unknown>;
type Lists = Client['api']['admin']['teams' | 'clients' | 'programs'];

/** A refusal in the person's language; the only conflict these lists know is a code that is taken. */
const problem = (res: Parameters<typeof adminProblem>[0]) => adminProblem(res, m.admin_code_taken, CODE_NAME_FIELDS);

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
      return res.ok ? { success: m.admin_added() } : fail(res.status, { message: problem(res) });
    },
    update: async (event) => {
      const f = await event.request.formData();
      const res = await send(list(api(event))[':id'].$patch({ param: { id: String(Number(f.get('id'))) }, json: fields(f) as never }));
      return res.ok ? { success: m.admin_saved() } : fail(res.status, { message: problem(res) });
    }
  };
}
