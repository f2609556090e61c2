import { error, fail, redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { getJson, sendJson } from '$lib/server/api-json';
import type { PlanDetail, RunListItem, SamplingOptions } from '$lib/sampling/types';
import { readPlanForm } from '$lib/server/sampling-form';

export const load: PageServerLoad = async ({ locals, fetch, params }) => {
  requireCan(locals.me, 'manageSampling');
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such plan');
  const [plan, options, runs] = await Promise.all([
    getJson<PlanDetail>(fetch, `/api/sampling/plans/${id}`),
    getJson<SamplingOptions>(fetch, '/api/sampling/options'),
    getJson<{ items: RunListItem[] }>(fetch, `/api/sampling/runs?planId=${id}`)
  ]);
  return { plan, options, runs: runs.items };
};

export const actions: Actions = {
  save: async ({ request, fetch, params }) => {
    const form = await readPlanForm(request);
    if (!form.ok) return fail(400, { message: form.message });
    const res = await sendJson(fetch, 'PATCH', `/api/sampling/plans/${params.id}`, { name: form.name, definition: form.definition });
    if (!res.ok) return fail(res.status, { message: res.message, definition: form.definition });
    return { saved: true };
  },
  publish: async ({ fetch, params }) => {
    const res = await sendJson<{ version: number }>(fetch, 'POST', `/api/sampling/plans/${params.id}/publish`);
    if (!res.ok) return fail(res.status, { message: res.message });
    return { published: res.data.version };
  },
  active: async ({ request, fetch, params }) => {
    const active = (await request.formData()).get('active') === 'true';
    const res = await sendJson(fetch, 'PATCH', `/api/sampling/plans/${params.id}`, { active });
    if (!res.ok) return fail(res.status, { message: res.message });
    return { saved: true };
  },
  run: async ({ request, fetch, params }) => {
    const data = await request.formData();
    const body: Record<string, string> = {};
    for (const k of ['date', 'from', 'to', 'seed']) {
      const v = String(data.get(k) ?? '').trim();
      if (v) body[k] = v;
    }
    const res = await sendJson<{ runId: number }>(fetch, 'POST', `/api/sampling/plans/${params.id}/runs`, body);
    if (!res.ok) return fail(res.status, { runMessage: res.message });
    redirect(303, `/sampling/runs/${res.data.runId}`);
  }
};
