import { describe, expect, it } from 'vitest';
import { zonedInstant } from './zoned-time';

describe('a wall-clock time in the contact center’s zone as an instant', () => {
  it('reads winter and summer time in Amsterdam, and UTC', () => {
    expect(zonedInstant('2026-12-02', '09:14:05', 'Europe/Amsterdam')?.toISOString()).toBe('2026-12-02T08:14:05.000Z');
    expect(zonedInstant('2026-07-01', '09:14', 'Europe/Amsterdam')?.toISOString()).toBe('2026-07-01T07:14:00.000Z');
    expect(zonedInstant('2026-12-02', '23:59:59', 'UTC')?.toISOString()).toBe('2026-12-02T23:59:59.000Z');
  });
  it('gives null for what is not a date and time', () => {
    expect(zonedInstant('2026-12-02', '', 'UTC')).toBeNull();
    expect(zonedInstant('yesterday', '09:00', 'UTC')).toBeNull();
  });
});
