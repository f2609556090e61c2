/**
 * Calendar days in the product are days in the Netherlands (the contact center's clock), whatever the
 * server's time zone. Returns the UTC instant at which day `ymd` (YYYY-MM-DD) starts in Europe/Amsterdam.
 */
export function amsterdamDayStart(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Amsterdam is UTC+1 or UTC+2; the offset at local midnight is the one just before UTC midnight.
  const offset = offsetMinutes(new Date(utcMidnight - 2 * 3_600_000));
  return new Date(utcMidnight - offset * 60_000);
}

function offsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00"
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
