import type { Locale } from '@attentive/shared/settings';

/**
 * Calendar days ("2026-12-02") on the contact center's clock, for forms that propose a date (a coaching
 * session's "held on" and follow-up): today is the tenant's today, not the server's UTC date. Kept beside
 * format.ts (which turns dates into text) because these compute days rather than show them.
 */

/** Today's date in a time zone, as YYYY-MM-DD (what an <input type="date"> holds). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar day moved by whole days (no zone, no daylight-saving shift): addDays('2026-12-30', 3) → '2027-01-02'. */
export function addDays(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const TAG: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar month "2026-12" as text: short "Dec" · "dec", long "December 2026" · "december 2026". */
export function monthName(locale: Locale, ym: string, style: 'short' | 'long' = 'short'): string {
  const key = `${locale}|${style}`;
  let f = monthFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short' ? { timeZone: 'UTC', month: 'short' } : { timeZone: 'UTC', month: 'long', year: 'numeric' };
    monthFormats.set(key, (f = new Intl.DateTimeFormat(TAG[locale], options)));
  }
  return f.format(new Date(`${ym}-01T00:00:00Z`)).replace(/\.$/, '');
}
