import { error, fail, redirect } from '@sveltejs/kit';
import { can, requireCan } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { api, load as read, send } from '$lib/server/api-client';
import { readPlanForm } from '$lib/server/sampling-form';
import { actionError } from '$lib/sampling/action-error';
import { m } from '$lib/paraglide/messages';

const planApi = (event: Parameters<typeof api>[0]) => api(event).api.sampling.plans[':id'];

/**
 * Managers edit, publish and run the plan; a reader (a client auditor, for its own clients' programs)
 * reads the published rules, versions and runs. The API answers 404 for another client's plan.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params } = event;
  requireCan(locals.me, 'readSampling');
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.sampling_plan_not_found());
  const plan = () => read(event, planApi(event).$get({ param: { id: String(id) } }));
  const runs = () => read(event, api(event).api.sampling.runs.$get({ query: { planId: String(id) } }));
  if (!can(locals.me, 'manageSampling')) {
    // The plan editor's options are for managers only; queue names come from what the reader may filter calls by.
    const [p, r, filters] = await Promise.all([plan(), runs(), read(event, api(event).api.calls.filters.$get())]);
    return { manager: false as const, plan: p, runs: r.items, queues: filters.queues };
  }
  const [p, options, r] = await Promise.all([plan(), read(event, api(event).api.sampling.options.$get()), runs()]);
  // A manager always gets the draft (the API blanks it only for readers).
  if (!p.draft) error(500);
  return { manager: true as const, plan: { ...p, draft: p.draft }, options, runs: r.items };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await readPlanForm(event.request);
    if (!form.ok) return fail(400, { message: m.sampling_plan_unreadable() });
    const res = await send(
      planApi(event).$patch({ param: { id: event.params.id }, json: { name: form.name, definition: form.definition } })
    );
    if (!res.ok)
      return fail(res.status, { message: actionError(res, { CONFLICT: m.sampling_plan_name_taken }), definition: form.definition });
    return { saved: true };
  },
  publish: async (event) => {
    const res = await send(planApi(event).publish.$post({ param: { id: event.params.id } }));
    if (!res.ok) return fail(res.status, { message: actionError(res) });
    return { published: res.data.version };
  },
  active: async (event) => {
    const active = (await event.request.formData()).get('active') === 'true';
    const res = await send(planApi(event).$patch({ param: { id: event.params.id }, json: { active } }));
    if (!res.ok) return fail(res.status, { message: actionError(res) });
    return { saved: true };
  },
  run: async (event) => {
    const data = await event.request.formData();
    const body: Record<string, string> = {};
    for (const k of ['date', 'from', 'to', 'seed']) {
      const v = String(data.get(k) ?? '').trim();
      if (v) body[k] = v;
    }
    const res = await send(planApi(event).runs.$post({ param: { id: event.params.id }, json: body }));
    if (!res.ok) return fail(res.status, { runMessage: actionError(res, { CONFLICT: m.sampling_run_already_drawn }) });
    redirect(303, `/sampling/runs/${res.data.runId}`);
  }
};
