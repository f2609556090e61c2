/** The query string ("?a=1&b=2", or "" when empty) for the calls list, skipping empty values. */
export function callsQuery(values: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The current query with the cursor replaced (or removed). */
export function withCursor(search: URLSearchParams, cursor: string | null): string {
  return callsQuery({ ...Object.fromEntries(search), cursor });
}
