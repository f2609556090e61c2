import { describe, expect, it } from 'vitest';
import { formats } from './format';

const nl = formats('nl', 'Europe/Amsterdam');
const en = formats('en', 'Europe/Amsterdam');
const at = '2026-12-02T13:05:00Z'; // 14:05 in Amsterdam (winter time)

describe('format (nl and en)', () => {
  it('writes dates and times on the contact center clock', () => {
    expect(nl.date(at)).toMatch(/^2 dec\.? 2026$/);
    expect(en.date(at)).toBe('2 Dec 2026');
    expect(nl.time(at)).toBe('14:05');
    expect(en.dateTime(at)).toBe('2 Dec 2026, 14:05');
    expect(nl.dateTime(at)).toMatch(/^2 dec\.? 2026,? 14:05$/);
  });

  it('uses the tenant zone, not the server or browser one', () => {
    const late = '2026-12-01T23:30:00Z'; // already 2 December in Amsterdam, still 1 December in New York
    expect(formats('en', 'Europe/Amsterdam').date(late)).toBe('2 Dec 2026');
    expect(formats('en', 'America/New_York').date(late)).toBe('1 Dec 2026');
    expect(formats('en', 'Asia/Kolkata').time(at)).toBe('18:35');
  });

  it('shows a calendar day as it is, whatever the zone', () => {
    expect(formats('en', 'America/Los_Angeles').day('2026-12-02')).toBe('2 Dec 2026');
    expect(nl.day('2026-03-29')).toMatch(/^29 mrt\.? 2026$/);
  });

  it('writes numbers and percentages with each language’s separators', () => {
    expect(nl.number(1154)).toBe('1.154');
    expect(en.number(1154)).toBe('1,154');
    expect(nl.number(1234.56)).toBe('1.234,6');
    expect(nl.percent(0.875)).toBe('87,5%');
    expect(en.percent(0.875)).toBe('87.5%');
    expect(en.percent(1)).toBe('100%');
  });

  it('writes durations as a clock', () => {
    expect(en.duration(75)).toBe('1:15');
    expect(nl.duration(3725)).toBe('1:02:05');
    expect(en.duration(-3)).toBe('0:00');
  });

  it('gives an estimate with its interval, or says n is too small', () => {
    expect(nl.estimate({ n: 40, estimate: 0.875, low: 0.739, high: 0.945 }, 'proportion')).toEqual({
      tooFew: false,
      n: 40,
      text: '87,5%',
      low: '73,9%',
      high: '94,5%'
    });
    expect(en.estimate({ n: 12, estimate: 81.25, low: 74.5, high: 88 }, 'mean')).toMatchObject({ text: '81.3', low: '74.5', high: '88' });
    // The API sends nulls when n is too small (core/stats/intervals.ts): a mean needs 2, a proportion 1.
    expect(en.estimate({ n: 1, estimate: null, low: null, high: null }, 'mean')).toEqual({ tooFew: true, n: 1, min: 2 });
    expect(en.estimate({ n: 0, estimate: null, low: null, high: null }, 'proportion')).toEqual({ tooFew: true, n: 0, min: 1 });
  });

  it('writes whole cents as money exactly, and a calendar month', () => {
    expect(en.money(4_500_000, 'EUR')).toBe('€45,000.00');
    expect(nl.money(4_500_000, 'EUR')).toMatch(/^€\s45\.000,00$/);
    expect(en.money(-202_550, 'EUR')).toBe('-€2,025.50');
    // 2^53 − 1 cents: no float division could show the last cent
    expect(en.money(Number.MAX_SAFE_INTEGER, 'EUR')).toBe('€90,071,992,547,409.91');
    expect(en.month('2026-03')).toBe('March 2026');
    expect(nl.month('2026-03')).toBe('maart 2026');
  });
});
