import { describe, expect, it } from 'vitest';
import { addDays, monthName, todayIn } from './calendar';

describe('calendar days on the contact center clock', () => {
  it('takes today in the tenant zone, not UTC', () => {
    const late = new Date('2026-12-01T23:30:00Z'); // already 2 December in Amsterdam, still 1 December in UTC and New York
    expect(todayIn('Europe/Amsterdam', late)).toBe('2026-12-02');
    expect(todayIn('UTC', late)).toBe('2026-12-01');
    expect(todayIn('America/New_York', late)).toBe('2026-12-01');
  });

  it('moves a day across months, years and a daylight-saving change', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('names a month in each language', () => {
    expect(monthName('en', '2026-12')).toBe('Dec');
    expect(monthName('nl', '2026-03')).toBe('mrt');
    expect(monthName('en', '2026-12', 'long')).toBe('December 2026');
    expect(monthName('nl', '2026-10', 'long')).toBe('oktober 2026');
  });
});
