import { zonedMidnight } from '../sampling/period.ts';

/**
 * Calendar days in the product are days on the contact center's clock (the tenant's time zone, see
 * settings/tenant-settings.ts), whatever the server's zone. Returns the instant at which day `ymd`
 * (YYYY-MM-DD) starts in `timeZone`.
 */
export function dayStartIn(ymd: string, timeZone: string): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return zonedMidnight(timeZone, y, m, d);
}
