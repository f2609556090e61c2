import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';

/**
 * Still used by the evaluation screen and the admin tokens page until they move to `useFormat()`
 * ($lib/format: the person's language, the tenant's zone). The calls screens no longer use them.
 */
const TZ = 'Europe/Amsterdam';
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit'
});
const fullDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, dateStyle: 'full', timeStyle: 'medium' });
export const formatStarted = (iso: string) => dateTime.format(new Date(iso));
export const formatStartedFull = (iso: string) => fullDateTime.format(new Date(iso));

/** Time in the job from a YYYY-MM-DD hire date, in weeks, months or years ("3 months in the job"). */
export function tenureText(f: Format, hireDate: string, at = new Date()): string {
  const days = Math.floor((at.getTime() - Date.parse(hireDate)) / 86_400_000);
  if (days < 61) return m.calls_tenure_weeks({ n: f.number(Math.max(0, Math.round(days / 7)), 0) });
  if (days < 730) return m.calls_tenure_months({ n: f.number(Math.round(days / 30.4), 0) });
  return m.calls_tenure_years({ n: f.number(days / 365.25, 1) });
}

/** A call's outcome as the telephony system names it (the contact center's own words): `follow_up` → "follow up". */
export const dispositionLabel = (d: string | null) => (d ? d.replace(/_/g, ' ') : '');

/** A language code of a call or transcript ("nl", "en-GB") in the reader's language ("Dutch", "Nederlands"). */
export function languageName(f: Format, code: string): string {
  try {
    return new Intl.DisplayNames([f.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
