import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customPeriod,
  dueAtEndOfDay,
  lastClosedPeriod,
  localDate,
  localTime,
  periodContaining,
  tzOffsetMs,
  zonedMidnight,
  zoneOffset
} from '../src/sampling/period.ts';

describe('periods in a time zone', () => {
  it('weeks run Monday 00:00 to Monday 00:00 local time, with ISO labels', () => {
    const p = periodContaining('week', new Date('2026-11-19T12:00:00Z'), 'Europe/Amsterdam');
    expect(p.start.toISOString()).toBe('2026-11-15T23:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(p.label).toBe('2026-W47');
    expect(periodContaining('week', new Date('2027-01-01T12:00:00Z'), 'UTC').label).toBe('2026-W53');
  });
  it('months follow local midnight across DST changes', () => {
    const p = periodContaining('month', new Date('2026-10-15T12:00:00Z'), 'Europe/Amsterdam');
    expect(p.start.toISOString()).toBe('2026-09-30T22:00:00.000Z'); // CEST
    expect(p.end.toISOString()).toBe('2026-10-31T23:00:00.000Z'); // CET
    expect(p.label).toBe('2026-10');
    const dec = periodContaining('month', new Date('2026-12-31T23:30:00Z'), 'Europe/Amsterdam');
    expect(dec.label).toBe('2027-01');
  });
  it('the last closed period is the one before the current', () => {
    const now = new Date('2026-11-23T08:00:00Z'); // Monday morning in Amsterdam
    expect(lastClosedPeriod('week', now, 'Europe/Amsterdam').label).toBe('2026-W47');
    expect(lastClosedPeriod('month', now, 'Europe/Amsterdam').label).toBe('2026-10');
    // Sunday 23:30 UTC is already Monday in Amsterdam.
    expect(lastClosedPeriod('week', new Date('2026-11-22T23:30:00Z'), 'Europe/Amsterdam').label).toBe('2026-W47');
    expect(lastClosedPeriod('week', new Date('2026-11-22T22:30:00Z'), 'Europe/Amsterdam').label).toBe('2026-W46');
  });
  it('custom ranges are whole local days, both ends inclusive; bad dates are named', () => {
    const p = customPeriod('2026-11-02', '2026-11-03', 'UTC');
    expect([p.start.toISOString(), p.end.toISOString(), p.label]).toEqual([
      '2026-11-02T00:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-02..2026-11-03'
    ]);
    expect(() => customPeriod('2026-02-30', '2026-03-01', 'UTC')).toThrow(/period.from/);
    expect(() => customPeriod('2026-03-02', '2026-03-01', 'UTC')).toThrow(/after/);
    expect(() => customPeriod('yesterday', '2026-03-01', 'UTC')).toThrow(/YYYY-MM-DD/);
  });
  it('local time: weekday, hour and day number agree with Intl, also in half-hour zones', () => {
    for (const tz of ['Europe/Amsterdam', 'Asia/Kolkata', 'America/New_York', 'UTC']) {
      const lt = localTime(tz);
      for (let t = Date.UTC(2026, 2, 25); t < Date.UTC(2026, 3, 5); t += 37 * 60_000) {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', weekday: 'short', hour: 'numeric' })
            .formatToParts(new Date(t))
            .map((x) => [x.type, x.value])
        );
        const l = lt(t);
        expect(l.hour).toBe(Number(parts.hour));
        expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][l.isoDow - 1]).toBe(parts.weekday);
        expect(new Date(l.day * 86_400_000).toISOString().slice(0, 10)).toBe(localDate(tz, new Date(t)));
      }
    }
  });
  it('the cached zone offset equals Intl at every instant, across DST changes (property)', () => {
    const zones = ['Europe/Amsterdam', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }), { minLength: 1, maxLength: 50 }),
        (tz, instants) => {
          const offset = zoneOffset(tz);
          // In time order (the fast path for consecutive instants) and in any order.
          for (const t of [...instants].sort((a, b) => a - b).concat(instants)) expect(offset(t)).toBe(tzOffsetMs(tz, t));
        }
      ),
      { numRuns: 300 }
    );
    // Around the 2026 changes in Amsterdam, minute by minute.
    const offset = zoneOffset('Europe/Amsterdam');
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)])
      for (let t = change - 3_600_000; t < change + 3_600_000; t += 60_000) expect(offset(t)).toBe(tzOffsetMs('Europe/Amsterdam', t));
  });
  it('zoned midnight and offsets', () => {
    expect(tzOffsetMs('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(5.5 * 3_600_000);
    expect(zonedMidnight('America/New_York', 2026, 3, 8).toISOString()).toBe('2026-03-08T05:00:00.000Z'); // DST starts that day at 02:00
    expect(zonedMidnight('America/New_York', 2026, 3, 9).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });
  it('due dates end at local midnight', () => {
    expect(dueAtEndOfDay(new Date('2026-11-23T10:00:00Z'), 7, 'Europe/Amsterdam').toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(dueAtEndOfDay(new Date('2026-11-22T23:30:00Z'), 1, 'Europe/Amsterdam').toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });
});
