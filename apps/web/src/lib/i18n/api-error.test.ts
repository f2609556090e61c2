import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@attentive/shared/contract';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { apiErrorMessage } from './api-error';

describe('apiErrorMessage', () => {
  it('translates every API error code in both languages', () => {
    for (const locale of ['en', 'nl'] as const) {
      overwriteGetLocale(() => locale);
      for (const code of ERROR_CODES) expect(apiErrorMessage({ code })).not.toMatch(/error_|\(HTTP/);
    }
    overwriteGetLocale(() => 'nl');
    expect(apiErrorMessage({ code: 'FORBIDDEN' })).toBe('Dit mag je niet doen.');
    expect(apiErrorMessage({ code: 'INTERNAL', requestId: 'abc-1' })).toContain('abc-1');
    overwriteGetLocale(() => 'en');
    expect(apiErrorMessage({ code: 'FORBIDDEN' })).toBe('You may not do this.');
  });
  it('says something readable for a code it does not know (a proxy, an old server)', () => {
    overwriteGetLocale(() => 'en');
    expect(apiErrorMessage({ code: 'HTTP_502' })).toBe('Something went wrong (HTTP_502). Try again.');
  });
});
