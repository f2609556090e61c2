import { error, fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { SelfEvaluationView } from '$lib/api/types';
import type { Actions, PageServerLoad } from './$types';

const self = (event: Parameters<typeof api>[0]) => api(event).api.coaching['self-evaluations'][':id'];

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.error_NOT_FOUND());
  return { view: (await read(event, self(event).$get({ param: { id: String(id) } }))) as SelfEvaluationView };
};

export const actions: Actions = {
  save: async (event) => {
    const f = await event.request.formData();
    const answers: Record<string, string | number | null> = {};
    for (const [k, v] of f.entries())
      if (k.startsWith('a:')) answers[k.slice(2)] = v === '' ? null : /^-?\d+(\.\d+)?$/.test(String(v)) ? Number(v) : String(v);
    const r = await send(self(event).$put({ param: { id: event.params.id }, json: { answers, submit: f.get('submit') === 'true' } }));
    return r.ok ? { ok: true } : fail(r.status, { error: apiErrorMessage(r) });
  },
  /** A coach withdraws the open request. */
  cancel: async (event) => {
    const r = await send(self(event).cancel.$post({ param: { id: event.params.id }, json: {} }));
    return r.ok ? { ok: true } : fail(r.status, { error: apiErrorMessage(r) });
  }
};
