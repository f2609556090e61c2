/**
 * A `next` address from a query string, made safe to redirect to after sign-in: a path on this site or null.
 * Prefix checks on the raw string are not enough — the URL parser drops tabs and newlines and reads `\` as
 * `/`, so `/\t/evil.com` becomes `//evil.com`. So: parse against our origin, compare origins, and refuse
 * anything the browser could read differently (control characters, backslashes, a result starting `//`).
 */
export function safeNext(next: string | null | undefined, origin: string): string | null {
  if (!next || !next.startsWith('/')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.com` normalises to `//evil.com`: a protocol-relative address once it is in a Location header.
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  return path;
}
