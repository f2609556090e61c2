import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { error, redirect } from '@sveltejs/kit';
import { CLIENT_ADDRESS_HEADER, PERMISSIONS_POLICY, HSTS } from '@attentive/api';
import { apiApp } from '$lib/server/api';
import { isPublicPath, loadMe } from '$lib/server/session';
import { loggedPagePath } from '$lib/server/logged-path';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { setRequestLocale } from '$lib/i18n/locale-strategy';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n/resolve-locale';

export const init: ServerInit = async () => {
  await apiApp();
};

const RECORD_ID = /^[1-9][0-9]{0,15}$/;
/** A calendar month segment ([month] of /client/reports/[programId]/[month]): YYYY-MM, one spelling. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Query parameters that carry a record id (an import's id is a uuid and is not one of them). */
const ID_QUERY = /^(agent|team|client|program|queue|call|evaluation|person|plan|run)(Id)?$/;

export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    const app = await apiApp();
    // The public survey routes' rate limit keys on the client's address, as this server saw it (never as the client claims).
    try {
      event.request.headers.set(CLIENT_ADDRESS_HEADER, clientAddress(event));
    } catch {
      // immutable headers: the limit then counts this request under "unknown"
    }
    return app.fetch(event.request);
  }
  const surveyPage = isSurveyPage(event.url.pathname);
  // Every dynamic segment of our routes ([id], [callId], [version]) is a record id: one spelling only,
  // so `/calls/0x10` or `/calls/%2016` cannot reach call 16 through Number() in a load function.
  for (const [name, value] of Object.entries(event.params)) {
    if (name === 'token') continue; // a survey link's token (/s/[token]): the API checks it
    if (name === 'month') {
      if (!MONTH.test(value ?? '')) error(404, 'No page here: month must be a month as YYYY-MM');
      continue;
    }
    if (!RECORD_ID.test(value ?? '')) error(404, `No page here: ${name} must be a record id`);
  }
  // …and so is an id in the query string (?agentId=, ?agent=): empty means "no filter", anything else is digits.
  for (const [name, value] of event.url.searchParams) {
    if (ID_QUERY.test(name) && value !== '' && !RECORD_ID.test(value)) error(400, `${name} must be a record id (digits only)`);
  }
  // Every page needs a signed-in person, except the sign-in page itself. A survey link's page is the
  // respondent's: no session is read or refreshed there, whoever's browser it is.
  const { me, setCookies } = surveyPage ? { me: null, setCookies: [] } : await loadMe(event);
  event.locals.me = me;
  if (!me && !isPublicPath(event.url.pathname)) {
    const next = event.url.pathname + event.url.search;
    redirect(303, next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
  }
  const response = await resolveInLocale(event, resolve, me);
  for (const c of setCookies) response.headers.append('set-cookie', c);
  // CSP (with frame-ancestors 'none') comes from svelte.config.js; these complete it.
  response.headers.set('x-content-type-options', 'nosniff');
  // A survey page's address holds its token: no Referer to anyone else, and never kept in a cache. Not
  // 'no-referrer': with it the browser sends `Origin: null` on the page's own form posts, which SvelteKit's
  // CSRF check rightly refuses; 'same-origin' sends nothing to any other site either.
  response.headers.set('referrer-policy', surveyPage ? 'same-origin' : 'strict-origin-when-cross-origin');
  if (surveyPage) response.headers.set('cache-control', 'no-store');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('permissions-policy', PERMISSIONS_POLICY);
  // Only over https: adapter-node builds event.url from ORIGIN (or PROTOCOL_HEADER) behind a TLS proxy.
  if (event.url.protocol === 'https:') response.headers.set('strict-transport-security', HSTS);
  // A signed-in person's pages hold personal data: never kept in a browser's back/forward or disk cache, or a proxy's.
  if (me && !response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
  return response;
};

/**
 * Renders the page in the person's language (src/lib/i18n/resolve-locale.ts: their setting, else a signed-out
 * choice, else Accept-Language, else the tenant's default) and sets <html lang>. Paraglide's middleware keeps
 * the locale per request; it gets a body-less copy of the request so a form's body is not cloned.
 */
async function resolveInLocale(event: Parameters<Handle>[0]['event'], resolve: Parameters<Handle>[0]['resolve'], me: App.Locals['me']) {
  const request = new Request(event.url, { headers: event.request.headers });
  setRequestLocale(
    request,
    resolveLocale({
      personLocale: me?.locale,
      cookie: event.cookies.get(LOCALE_COOKIE),
      acceptLanguage: event.request.headers.get('accept-language'),
      tenantDefault: me?.defaultLanguage
    })
  );
  const response = await paraglideMiddleware(request, ({ locale }) =>
    // A survey page renders in the customer's language, which its load learns (event.locals.pageLang).
    resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.pageLang ?? locale) })
  );
  // The same address answers in another language for another browser: caches must key on these.
  response.headers.append('vary', 'Accept-Language, Cookie');
  return response;
}

export const handleError: HandleServerError = ({ error, event, status }) => {
  const requestId = crypto.randomUUID();
  if (status >= 500) console.error(`[${requestId}] ${event.request.method} ${loggedPagePath(event.url.pathname)}:`, error);
  return { message: status === 404 ? 'Not found' : 'Something went wrong on our side', requestId };
};

/** The survey link's page: /s/<token>. */
const isSurveyPage = (path: string) => path.startsWith('/s/');

function clientAddress(event: Parameters<Handle>[0]['event']): string {
  try {
    return event.getClientAddress();
  } catch {
    return 'unknown'; // e.g. prerendering: no connection
  }
}
