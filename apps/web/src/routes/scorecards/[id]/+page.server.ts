import { fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { can } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const scorecard = (event: Parameters<typeof api>[0]) => api(event).api.scorecards[':id'];

export const load: PageServerLoad = async (event) => {
  const data = await read(event, scorecard(event).$get({ param: { id: event.params.id } }));
  return { ...data, manager: can(event.locals.me, 'manageScorecards') };
};

export const actions: Actions = {
  save: async (event) => {
    const f = await event.request.formData();
    let definition: unknown;
    try {
      definition = JSON.parse(String(f.get('definition') ?? ''));
    } catch {
      return fail(400, { message: 'The form sent an unreadable definition' });
    }
    // The definition is checked by the API; its error details (item paths) go to the builder so it can point at the item.
    const res = await send(
      scorecard(event).draft.$put({
        param: { id: event.params.id },
        json: { definition: definition as never, baseRevision: Number(f.get('baseRevision')) || undefined }
      })
    );
    if (!res.ok) return fail(res.status, { message: res.message, details: res.details });
    return { revision: res.data.draft.revision };
  },
  publish: async (event) => {
    const f = await event.request.formData();
    const res = await send(
      scorecard(event).publish.$post({
        param: { id: event.params.id },
        json: { revision: Number(f.get('revision')) || undefined, note: String(f.get('note') ?? '') || undefined }
      })
    );
    if (!res.ok) return fail(res.status, { message: res.message, details: res.details });
    return { published: true };
  },
  openDraft: async (event) => {
    const res = await send(scorecard(event).draft.$post({ param: { id: event.params.id } }));
    return res.ok ? { opened: true } : fail(res.status, { message: res.message });
  },
  discard: async (event) => {
    const res = await send(scorecard(event).draft.$delete({ param: { id: event.params.id } }));
    return res.ok ? { discarded: true } : fail(res.status, { message: res.message });
  }
};
