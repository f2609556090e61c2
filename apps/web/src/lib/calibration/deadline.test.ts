import { describe, expect, it } from 'vitest';
import { instantOfLocal } from './deadline';

describe('a deadline typed on the contact center clock', () => {
  it('is that wall-clock time in the zone, in winter and in summer', () => {
    expect(instantOfLocal('2026-12-10T17:00', 'Europe/Amsterdam')?.toISOString()).toBe('2026-12-10T16:00:00.000Z');
    expect(instantOfLocal('2026-07-10T17:00', 'Europe/Amsterdam')?.toISOString()).toBe('2026-07-10T15:00:00.000Z');
    expect(instantOfLocal('2026-12-10T17:00', 'America/New_York')?.toISOString()).toBe('2026-12-10T22:00:00.000Z');
    expect(instantOfLocal('2026-12-10T17:00', 'UTC')?.toISOString()).toBe('2026-12-10T17:00:00.000Z');
  });

  it('round-trips through the zone every third hour of a year with daylight-saving changes (except the skipped hour)', () => {
    const f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3 * 3_600_000) {
      const local = f.format(new Date(t)).replace(' ', 'T');
      const back = instantOfLocal(local, 'Europe/Amsterdam')!;
      expect(f.format(back).replace(' ', 'T'), local).toBe(local);
    }
  });

  it('is null for anything but a date and time', () => {
    for (const bad of ['', 'tomorrow', '2026-12-10', '2026-12-10 17:00', '2026-12-10T17']) expect(instantOfLocal(bad, 'UTC')).toBeNull();
  });
});
