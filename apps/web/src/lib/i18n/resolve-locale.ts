import { LOCALES, type Locale } from '@attentive/shared/locales';

export { LOCALES, type Locale };

/** The cookie a signed-out person's language choice is kept in (the switcher on the sign-in page). */
export const LOCALE_COOKIE = 'attentive_locale';

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/**
 * The screens' language for one request, first that applies: the person's own setting (GET /api/me
 * `locale`), else a choice made while signed out (cookie), else the browser's Accept-Language, else the
 * tenant's default, else English. URLs never carry the language.
 */
export function resolveLocale(input: {
  personLocale?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
  tenantDefault?: string | null;
}): Locale {
  if (isLocale(input.personLocale)) return input.personLocale;
  if (isLocale(input.cookie)) return input.cookie;
  const fromBrowser = preferredLocale(input.acceptLanguage);
  if (fromBrowser) return fromBrowser;
  if (isLocale(input.tenantDefault)) return input.tenantDefault;
  return 'en';
}

/** The first of our locales in an Accept-Language header, by q-value ("nl-BE,nl;q=0.9,en;q=0.8" → nl); none: undefined. */
export function preferredLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, i };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((l) => l.lang).find(isLocale);
}
