import type { PageServerLoad } from './$types';
import { api, load as read } from '$lib/server/api-client';
import { apiQueries, parseFilters } from './filters';

export const load: PageServerLoad = async (event) => {
  // Values typed by hand that the page does not offer are dropped and named, never sent on to fail.
  const { filters, ignored } = parseFilters(event.url.searchParams);
  const q = apiQueries(filters);
  const c = api(event).api.evaluations;
  const [page, aggregates] = await Promise.all([
    // parseFilters kept only values the API accepts; the API checks them again.
    read(event, c.$get({ query: Object.fromEntries(q.list) as never })),
    read(event, c.aggregates.$get({ query: Object.fromEntries(q.aggregates) as never }))
  ]);
  return { page, aggregates, groupBy: filters.groupBy, filters, ignored };
};
