import { api, load as read } from '$lib/server/api-client';
import { FILTER_KEYS } from '$lib/calls/types';
import type { PageServerLoad } from './$types';

/** The calls list: filters and cursor live in the URL, so every view can be bookmarked and shared. */
export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const query = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k);
    if (v) query.set(k, v);
  }
  const filter = Object.fromEntries(query) as Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  const cursor = url.searchParams.get('cursor');
  const pageQuery = new URLSearchParams(query);
  if (cursor) pageQuery.set('cursor', cursor);
  const c = api(event).api.calls;
  const [page, options] = await Promise.all([read(event, c.$get({ query: Object.fromEntries(pageQuery) })), read(event, c.filters.$get())]);
  return { page, options, filter, onFirstPage: !cursor };
};
