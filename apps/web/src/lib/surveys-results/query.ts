/** The results filter as the API takes it, from the page's query string (only what is set is passed on). */
export function resultsQuery(params: URLSearchParams) {
  const query: { programId?: string; from?: string; to?: string } = {};
  for (const k of ['programId', 'from', 'to'] as const) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  return query;
}
