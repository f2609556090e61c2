import type { Estimate } from '@attentive/shared/contract';
import { DEFAULT_TIME_ZONE, type Locale } from '@attentive/shared/locales';

/**
 * The one place dates, times, durations, numbers, percentages and intervals become text (issue 12):
 * through Intl, in the person's language and on the contact center's clock (the tenant's time zone).
 * Pages use `useFormat()` (./current.ts); tests and server code call `formats(locale, timeZone)`.
 */
export type Format = ReturnType<typeof buildFormats>;

/** Intl's tag per language: day-month-year order and 24-hour clock in both (European contact centers). */
const INTL_TAG: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };

/** The minimum n for an interval, as core/stats/intervals.ts computes them: below it the estimate is null. */
export const MIN_N = { proportion: 1, mean: 2 } as const;
export type EstimateKind = keyof typeof MIN_N;

type When = Date | string | number;
const toDate = (v: When) => (v instanceof Date ? v : new Date(v));

const cache = new Map<string, Format>();

/** The formatters for one language and zone (built once, Intl formatters are not cheap). */
export function formats(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): Format {
  const key = `${locale}|${timeZone}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = buildFormats(locale, timeZone)));
  return f;
}

function buildFormats(locale: Locale, timeZone: string) {
  const tag = INTL_TAG[locale];
  const dateF = new Intl.DateTimeFormat(tag, { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const dateTimeF = new Intl.DateTimeFormat(tag, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  });
  const timeF = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit' });
  // A calendar day (YYYY-MM-DD) has no zone: shown as it is, never shifted.
  const dayF = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  const monthF = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const monthShortF = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'short', year: '2-digit' });
  const numberF = (digits: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
  const percentF = (digits: number) =>
    new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits });

  const moneyF = (currency: string) => new Intl.NumberFormat(tag, { style: 'currency', currency, minimumFractionDigits: 2 });

  const self = {
    locale,
    timeZone,
    /** 2 Dec 2026 · 2 dec 2026 — an instant's date on the contact center's clock. */
    date: (v: When) => dateF.format(toDate(v)),
    /** 2 Dec 2026, 14:05 · 2 dec 2026, 14:05 */
    dateTime: (v: When) => dateTimeF.format(toDate(v)),
    /** 14:05 */
    time: (v: When) => timeF.format(toDate(v)),
    /** A calendar day "2026-12-02" (a period's first day, a hire date): 2 Dec 2026 · 2 dec 2026. */
    day: (ymd: string) => dayF.format(new Date(`${ymd}T00:00:00Z`)),
    /** A calendar month "2026-10" (the client audit's months): October 2026 · oktober 2026. */
    month: (ym: string) => monthF.format(new Date(`${ym}-01T00:00:00Z`)),
    /** The same, short (chart axes): Oct 26 · okt 26. */
    monthShort: (ym: string) => monthShortF.format(new Date(`${ym}-01T00:00:00Z`)),
    /** Seconds as a clock: 75 → 1:15, 3725 → 1:02:05 (the same in every language). */
    duration(seconds: number): string {
      const s = Math.max(0, Math.round(seconds));
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const ss = String(s % 60).padStart(2, '0');
      return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
    },
    /**
     * Whole cents as money in `currency`: 4500000 EUR → €45,000.00 · € 45.000,00. The cents are written out as a
     * decimal string (never divided as a float), so any amount shows exactly.
     */
    money(cents: number, currency: string) {
      const c = BigInt(Math.trunc(cents));
      const abs = c < 0n ? -c : c;
      const decimal = `${c < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
      return moneyF(currency).format(decimal as unknown as number);
    },
    /** 1,154 · 1.154 (at most `digits` decimals). */
    number: (n: number, digits = 1) => numberF(digits).format(n),
    /** A fraction 0..1 as a percentage: 0.875 → 87.5% · 87,5%. */
    percent: (fraction: number, digits = 1) => percentF(digits).format(fraction),
    /**
     * An estimate with its 95% interval: { text: "87.5%", low: "80.1%", high: "92.3%", n } — or tooFew when n is
     * too small to say anything (the API sends null then). `proportion` is a fraction 0..1, `mean` a score.
     */
    estimate(e: Estimate, kind: EstimateKind, digits = 1) {
      const show = (v: number) => (kind === 'proportion' ? self.percent(v, digits) : self.number(v, digits));
      if (e.estimate == null || e.low == null || e.high == null) return { tooFew: true as const, n: e.n, min: MIN_N[kind] };
      return { tooFew: false as const, n: e.n, text: show(e.estimate), low: show(e.low), high: show(e.high) };
    }
  };
  return self;
}
