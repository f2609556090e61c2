import type { Locale } from '@attentive/shared/locales';

const TAG: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };

/**
 * Money as text, from whole cents (how the API sends every amount): €1,350.00 · € 1.350,00. Beside the
 * format module's numbers (a separate file: amounts are new with the contract terms).
 * `signed`: a balance, "+€1,350.00" / "-€49.38".
 */
export function formatMoney(locale: Locale, cents: number, currency = 'EUR', signed = false): string {
  const text = new Intl.NumberFormat(TAG[locale], { style: 'currency', currency }).format(cents / 100);
  return signed && cents > 0 ? `+${text}` : text;
}

/** A calendar month "2026-11" in words: November 2026 · november 2026. */
export function formatMonth(locale: Locale, month: string): string {
  return new Intl.DateTimeFormat(TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
