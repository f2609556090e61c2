import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import { resultsQuery } from '$lib/surveys-results/query';
import type { PageServerLoad } from './$types';

/** QA scores next to what customers say, for the agents the reader coaches (the API filters them). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'handleSurveyAlerts');
  const query = resultsQuery(event.url.searchParams);
  return { results: await read(event, api(event).api.surveys.results.agents.$get({ query })) };
};
