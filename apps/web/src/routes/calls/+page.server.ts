import { getJson } from '$lib/server/api-json';
import { FILTER_KEYS, type CallFilters, type CallPage } from '$lib/calls/types';
import type { PageServerLoad } from './$types';

/** The calls list: filters and cursor live in the URL, so every view can be bookmarked and shared. */
export const load: PageServerLoad = async ({ fetch, url }) => {
  const query = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k);
    if (v) query.set(k, v);
  }
  const filter = Object.fromEntries(query) as Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  const cursor = url.searchParams.get('cursor');
  const pageQuery = new URLSearchParams(query);
  if (cursor) pageQuery.set('cursor', cursor);
  const [page, options] = await Promise.all([
    getJson<CallPage>(fetch, `/api/calls?${pageQuery}`),
    getJson<CallFilters>(fetch, '/api/calls/filters')
  ]);
  return { page, options, filter, onFirstPage: !cursor };
};
