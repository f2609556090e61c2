import { describe, expect, it } from 'vitest';
import { dueDay, formatPeriodDates, periodDates } from '../src/period.ts';

const AMS = 'Europe/Amsterdam';
const show = (start: string, end: string, tz = AMS) => formatPeriodDates(periodDates(start, end, tz));

describe('sampling periods as people read them', () => {
  it('a week in Amsterdam is Monday to Sunday, not the UTC dates of its midnights', () => {
    // Week 48 of 2026: Monday 23 Nov 00:00 CET = 22 Nov 23:00 UTC.
    expect(show('2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z')).toBe('2026-11-23 – 2026-11-29');
  });
  it('a month ends on its last day, also when it ends in another offset than it began', () => {
    // October 2026 begins in CEST (+2) and ends in CET (+1).
    expect(show('2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z')).toBe('2026-10-01 – 2026-10-31');
    expect(show('2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z')).toBe('2026-02-01 – 2026-02-28');
  });
  it('DST weeks: the last week of March (167 hours) and of October (169 hours)', () => {
    // Mon 23 Mar 2026 00:00 CET → Mon 30 Mar 00:00 CEST (clocks went forward on Sunday 29 March).
    expect(show('2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z')).toBe('2026-03-23 – 2026-03-29');
    // Mon 19 Oct 2026 00:00 CEST → Mon 26 Oct 00:00 CET (clocks went back on Sunday 25 October).
    expect(show('2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z')).toBe('2026-10-19 – 2026-10-25');
  });
  it('takes Date objects and other zones; a one-day period shows one date', () => {
    expect(formatPeriodDates(periodDates(new Date('2026-11-23T05:00:00Z'), new Date('2026-11-30T05:00:00Z'), 'America/New_York'))).toBe(
      '2026-11-23 – 2026-11-29'
    );
    expect(show('2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z', 'UTC')).toBe('2026-11-23');
    expect(periodDates('2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z', AMS)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
});

describe('due days', () => {
  it('a deadline at local midnight is the end of the day before, in the zone, not in UTC', () => {
    // Wed 9 Dec 2026 00:00 CET = Tue 8 Dec 23:00 UTC.
    expect(dueDay('2026-12-08T23:00:00.000Z', AMS)).toBe('2026-12-08');
    // Summer: Wed 1 Jul 00:00 CEST = Tue 30 Jun 22:00 UTC.
    expect(dueDay(new Date('2026-06-30T22:00:00.000Z'), AMS)).toBe('2026-06-30');
    // A deadline during the day is that day (15:00 local).
    expect(dueDay('2026-12-08T14:00:00.000Z', AMS)).toBe('2026-12-08');
    // Late evening UTC is already the next day in Amsterdam.
    expect(dueDay('2026-12-08T23:30:00.000Z', AMS)).toBe('2026-12-09');
  });
});
