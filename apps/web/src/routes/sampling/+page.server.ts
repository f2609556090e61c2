import { can, requireCan } from '$lib/server/guard';
import type { PageServerLoad } from './$types';
import { api, load as read } from '$lib/server/api-client';

/** Sampling home: plans (admins, QA) and recent runs (also client auditors, for their programs). */
export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  requireCan(locals.me, 'readSampling');
  const manager = can(locals.me, 'manageSampling');
  const [plans, runs] = await Promise.all([
    read(event, api(event).api.sampling.plans.$get({ query: {} })),
    read(event, api(event).api.sampling.runs.$get({ query: { limit: '100' } }))
  ]);
  return { manager, plans: plans.items, runs: runs.items };
};
