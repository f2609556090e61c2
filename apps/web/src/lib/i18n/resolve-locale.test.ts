import { describe, expect, it } from 'vitest';
import { preferredLocale, resolveLocale } from './resolve-locale';

describe('resolveLocale', () => {
  it("takes the person's setting over everything", () => {
    expect(resolveLocale({ personLocale: 'en', cookie: 'nl', acceptLanguage: 'nl', tenantDefault: 'nl' })).toBe('en');
  });
  it("else a signed-out choice, else the browser's, else the tenant's default, else English", () => {
    expect(resolveLocale({ personLocale: null, cookie: 'nl', acceptLanguage: 'en' })).toBe('nl');
    expect(resolveLocale({ acceptLanguage: 'nl-BE,nl;q=0.9', tenantDefault: 'en' })).toBe('nl');
    expect(resolveLocale({ acceptLanguage: 'de-DE,fr;q=0.5', tenantDefault: 'nl' })).toBe('nl');
    expect(resolveLocale({})).toBe('en');
  });
  it('ignores values that are not one of our languages', () => {
    expect(resolveLocale({ personLocale: 'de', cookie: 'xx', tenantDefault: 'fr' })).toBe('en');
  });
});

describe('preferredLocale', () => {
  it('reads q-values, not only the order', () => {
    expect(preferredLocale('en;q=0.4,nl;q=0.8')).toBe('nl');
    expect(preferredLocale('fr-FR,en-GB;q=0.9,nl;q=0.8')).toBe('en');
    expect(preferredLocale('nl;q=0,en;q=0.1')).toBe('en');
    expect(preferredLocale('de')).toBeUndefined();
    expect(preferredLocale('')).toBeUndefined();
  });
});
