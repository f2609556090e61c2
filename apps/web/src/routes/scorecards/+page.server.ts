import { fail, redirect } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { optionalNumber, raw } from '$lib/server/form-action';
import { can } from '$lib/server/guard';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const manager = can(event.locals.me, 'manageScorecards');
  const { scorecards } = await read(event, api(event).api.scorecards.$get());
  // Programs for the "new scorecard" form (the roster is readable by scorecard managers).
  const programs = manager ? (await read(event, api(event).api.admin.programs.$get())).items : [];
  return { scorecards, programs, manager };
};

export const actions: Actions = {
  create: async (event) => {
    const f = await event.request.formData();
    const purpose: 'calls' | 'mystery' = raw(f, 'purpose') === 'mystery' ? 'mystery' : 'calls';
    // A program's mystery-call form may start as a copy of its call scorecard, so the items they share compare directly.
    const startFrom = purpose === 'mystery' && f.get('startFrom') === 'calls' ? ('calls' as const) : undefined;
    const json = {
      name: raw(f, 'name'),
      description: raw(f, 'description'),
      programId: optionalNumber(f, 'programId'),
      purpose,
      startFrom
    };
    const res = await send(api(event).api.scorecards.$post({ json }));
    if (!res.ok)
      return fail(res.status, {
        message:
          res.status === 409
            ? m.scorecards_purpose_exists_already()
            : res.details[0]?.path === 'startFrom'
              ? m.scorecards_purpose_no_call_scorecard()
              : apiErrorMessage(res)
      });
    redirect(303, `/scorecards/${res.data.scorecard.id}`);
  }
};
