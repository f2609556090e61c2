import { defineCustomClientStrategy, defineCustomServerStrategy, type Locale } from '$lib/paraglide/runtime';

/**
 * Paraglide's strategy `custom-resolved` (paraglide.config.js): the server decides the language
 * (hooks.server.ts, with resolveLocale) and the browser reads that decision back from <html lang>, so the
 * page never hydrates in another language than it was rendered in.
 */
const resolvedOnServer = new WeakMap<Request, Locale>();

/** hooks.server.ts: remember this request's language before handing the request to paraglideMiddleware. */
export function setRequestLocale(request: Request, locale: Locale) {
  resolvedOnServer.set(request, locale);
}

defineCustomServerStrategy('custom-resolved', { getLocale: (request) => (request ? resolvedOnServer.get(request) : undefined) });

defineCustomClientStrategy('custom-resolved', {
  getLocale: () => (typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined),
  // The switcher saves the choice on the server and reloads; nothing to keep in the browser.
  setLocale: () => {}
});
