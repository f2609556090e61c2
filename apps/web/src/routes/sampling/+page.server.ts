import { can, requireCan } from '$lib/server/guard';
import type { PageServerLoad } from './$types';
import { getJson } from '$lib/server/api-json';
import type { PlanListItem, RunListItem } from '$lib/sampling/types';

/** Sampling home: plans (admins, QA) and recent runs (also client auditors, for their programs). */
export const load: PageServerLoad = async ({ locals, fetch }) => {
  requireCan(locals.me, 'readSampling');
  const manager = can(locals.me, 'manageSampling');
  const [plans, runs] = await Promise.all([
    getJson<{ items: PlanListItem[] }>(fetch, '/api/sampling/plans'),
    getJson<{ items: RunListItem[] }>(fetch, '/api/sampling/runs?limit=100')
  ]);
  return { manager, plans: plans.items, runs: runs.items };
};
