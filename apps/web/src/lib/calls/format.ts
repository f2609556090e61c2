import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';

/** Time in the job from a YYYY-MM-DD hire date, in weeks, months or years ("3 months in the job"). */
export function tenureText(f: Format, hireDate: string, at = new Date()): string {
  const days = Math.floor((at.getTime() - Date.parse(hireDate)) / 86_400_000);
  if (days < 61) return m.calls_tenure_weeks({ n: f.number(Math.max(0, Math.round(days / 7)), 0) });
  if (days < 730) return m.calls_tenure_months({ n: f.number(Math.round(days / 30.4), 0) });
  return m.calls_tenure_years({ n: f.number(days / 365.25, 1) });
}

/** A call's outcome as the telephony system names it (the contact center's own words): `follow_up` → "follow up". */
export const dispositionLabel = (d: string | null) => (d ? d.replace(/_/g, ' ') : '');
