import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@attentive/shared/contract';
import { LOCALES } from './resolve-locale';

/** Every message exists in every language, and every API error code has its message. */
const read = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const keysOf = (messages: Record<string, string>) => Object.keys(messages).filter((k) => k !== '$schema');

describe('messages/{en,nl}.json', () => {
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, read(l)]));
  const all = [...new Set(LOCALES.flatMap((l) => keysOf(byLocale[l]!)))].sort();

  for (const locale of LOCALES) {
    it(`${locale} has every message, none empty`, () => {
      const have = byLocale[locale]!;
      expect(
        all.filter((k) => !(k in have)),
        `missing in messages/${locale}.json`
      ).toEqual([]);
      expect(
        all.filter((k) => typeof have[k] !== 'string' || !have[k].trim()),
        `empty in messages/${locale}.json`
      ).toEqual([]);
    });
  }

  it('uses the same {parameters} in every language', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = all.filter((k) => LOCALES.some((l) => params(byLocale[l]![k]!).join() !== params(byLocale.en![k]!).join()));
    expect(differ).toEqual([]);
  });

  it('has an error_<CODE> message for every API error code', () => {
    expect(ERROR_CODES.filter((c) => !(`error_${c}` in byLocale.en!))).toEqual([]);
  });

  it('names keys in snake_case (area_thing)', () => {
    expect(all.filter((k) => !/^[a-z][a-z0-9]*(_[A-Za-z0-9]+)+$/.test(k))).toEqual([]);
  });
});
