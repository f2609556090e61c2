import { requireCan, can } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import { resultsQuery } from '$lib/surveys-results/query';
import type { PageServerLoad } from './$types';

/**
 * Callback survey results for the program and local days in the query string (default: every program the
 * reader may see, the last full month). The API scopes a client auditor to its own clients' programs.
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readSurveyResults');
  const query = resultsQuery(event.url.searchParams);
  const results = await read(event, api(event).api.surveys.results.$get({ query }));
  return { results, query, coaches: can(event.locals.me, 'handleSurveyAlerts') };
};
