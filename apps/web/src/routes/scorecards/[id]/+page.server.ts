import { fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { can } from '$lib/server/guard';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import { actorNames } from '../actor-names.server';
import type { Actions, PageServerLoad } from './$types';

const scorecard = (event: Parameters<typeof api>[0]) => api(event).api.scorecards[':id'];

type Refusal = { status: number; code: string; message: string; details: { path?: string }[] };

/** A refused save: someone saved in between (409), a definition the builder marks item by item (400), or else. */
const saveProblem = (res: Refusal) =>
  res.status === 409 ? m.scorecards_saved_meanwhile() : res.code === 'VALIDATION' ? m.scorecards_check_items() : apiErrorMessage(res);

/** A refused publish: changed since reviewed, or the same as the published version (both 409), or not complete yet. */
const publishProblem = (res: Refusal) =>
  res.status === 409
    ? /Nothing to publish/.test(res.message)
      ? m.scorecards_nothing_to_publish()
      : m.scorecards_changed_since_review()
    : res.code === 'VALIDATION'
      ? m.scorecards_not_publishable()
      : apiErrorMessage(res);

export const load: PageServerLoad = async (event) => {
  const data = await read(event, scorecard(event).$get({ param: { id: event.params.id } }));
  const names = await actorNames(
    event,
    data.versions.flatMap((v) => [v.createdBy, v.publishedBy])
  );
  return { ...data, names, manager: can(event.locals.me, 'manageScorecards') };
};

export const actions: Actions = {
  save: async (event) => {
    const f = await event.request.formData();
    let definition: unknown;
    try {
      definition = JSON.parse(String(f.get('definition') ?? ''));
    } catch {
      return fail(400, { message: m.scorecards_unreadable_definition() });
    }
    // The definition is checked by the API; its error details (item paths) go to the builder so it can point at the item.
    const res = await send(
      scorecard(event).draft.$put({
        param: { id: event.params.id },
        json: { definition: definition as never, baseRevision: Number(f.get('baseRevision')) || undefined }
      })
    );
    if (!res.ok) return fail(res.status, { message: saveProblem(res), details: res.details });
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
    if (!res.ok) return fail(res.status, { message: publishProblem(res), details: res.details });
    return { published: true };
  },
  openDraft: async (event) => {
    const res = await send(scorecard(event).draft.$post({ param: { id: event.params.id } }));
    return res.ok ? { opened: true } : fail(res.status, { message: apiErrorMessage(res) });
  },
  discard: async (event) => {
    const res = await send(scorecard(event).draft.$delete({ param: { id: event.params.id } }));
    return res.ok
      ? { discarded: true }
      : fail(res.status, { message: res.status === 412 ? m.scorecards_discard_first() : apiErrorMessage(res) });
  }
};
