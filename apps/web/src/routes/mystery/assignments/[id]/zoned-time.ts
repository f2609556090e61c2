/**
 * The instant a wall-clock date and time (`2026-12-02`, `09:14:05`) names in a time zone: the shopper types
 * the contact center's local time, the API wants an instant. Two rounds of "what offset has the zone then"
 * settle daylight-saving changes.
 */
export function zonedInstant(ymd: string, hms: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd) || !/^\d{2}:\d{2}(:\d{2})?$/.test(hms)) return null;
  const wall = Date.parse(`${ymd}T${hms.length === 5 ? `${hms}:00` : hms}Z`);
  if (Number.isNaN(wall)) return null;
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone);
  return new Date(t);
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  }).formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - (t - (t % 1000));
}
