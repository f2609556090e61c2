import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { formats } from '$lib/format';
import { dueDayText, marginText, periodDays, runKindText, stratumText } from './labels';
import { actionError } from './action-error';

const en = formats('en', 'Europe/Amsterdam');
const nl = formats('nl', 'Europe/Amsterdam');
afterEach(() => overwriteGetLocale(() => 'en'));

describe('the sampling screens’ words for codes and values', () => {
  it('shows a period as days in the reader’s language, either shape', () => {
    expect(periodDays(en, { from: '2026-11-23', to: '2026-11-29' })).toBe('23 Nov 2026 – 29 Nov 2026');
    expect(periodDays(nl, { periodFrom: '2026-11-23', periodTo: '2026-11-29' })).toBe('23 nov 2026 – 29 nov 2026');
    expect(periodDays(en, { from: '2026-11-23', to: '2026-11-23' })).toBe('23 Nov 2026');
  });
  it('a deadline at local midnight is due the day before, on the contact center’s clock', () => {
    // 2026-12-08T23:00Z is midnight 9 Dec in Amsterdam: due on 8 Dec.
    expect(dueDayText(en, '2026-12-08T23:00:00.000Z')).toBe('8 Dec 2026');
    expect(dueDayText(en, null)).toBe('—');
  });
  it('a margin in points, a decimal below 10 points, in each language', () => {
    overwriteGetLocale(() => 'en');
    expect(marginText(en, 0.123)).toBe('±12 pts');
    expect(marginText(en, null)).toBe('—');
    overwriteGetLocale(() => 'nl');
    expect(marginText(nl, 0.054)).toBe('±5,4 procentpunt');
  });
  it('names a stratum instead of showing its code', () => {
    overwriteGetLocale(() => 'nl');
    expect(stratumText(nl, 'queue:3|day:2026-11-17')).toBe('wachtrij 3 · 17 nov 2026');
    expect(stratumText(nl, 'hours:morning|week:2026-11-19')).toBe('ochtend · week van 19 nov 2026');
    expect(stratumText(nl, 'all')).toBe('alle');
  });
  it('says what started a run', () => {
    overwriteGetLocale(() => 'en');
    expect(runKindText({ purpose: 'audit', trigger: 'client' })).toBe('client audit');
    expect(runKindText({ purpose: 'routine', trigger: 'schedule' })).toBe('scheduled');
  });
  it('a failed action: the screen’s own words for an expected code, else the code’s message, with field details', () => {
    overwriteGetLocale(() => 'en');
    expect(actionError({ code: 'CONFLICT', details: [] }, { CONFLICT: () => 'already drawn' })).toBe('already drawn');
    expect(actionError({ code: 'FORBIDDEN', details: [] })).toBe('You may not do this.');
    expect(actionError({ code: 'VALIDATION', details: [{ path: 'seed', message: 'must be 64 hex characters' }] })).toMatch(
      /below\. seed: must be 64 hex characters$/
    );
  });
});
