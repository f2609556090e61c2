import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

const ORIGIN = 'http://localhost:3000';

describe('safeNext', () => {
  it.each([
    ['/admin/people', '/admin/people'],
    ['/calls?agent=12&from=2026-11-01', '/calls?agent=12&from=2026-11-01'],
    ['/me#disputes', '/me#disputes'],
    ['/calls/%2F%2Fevil.com', '/calls/%2F%2Fevil.com']
  ])('keeps the path on this site: %s', (next, want) => {
    expect(safeNext(next, ORIGIN)).toBe(want);
  });

  it.each([
    null,
    '',
    'admin',
    'https://evil.com',
    'http://localhost:3000.evil.com/',
    '//evil.com',
    '///evil.com',
    '/\\evil.com',
    '/\\/evil.com',
    '\\\\evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    '/\r/evil.com',
    '/\r\n/evil.com',
    '\t//evil.com',
    '/ /evil.com'.replace(' ', '\u0000'),
    '/.//evil.com',
    '/./\\evil.com',
    '/%2e//evil.com',
    '/..//evil.com',
    '/\u007f/evil.com',
    'javascript:alert(1)',
    '/\u0009\u0009/evil.com',
    'data:text/html,x'
  ])('refuses an address that leaves the site or may be read differently: %j', (next) => {
    expect(safeNext(next, ORIGIN)).toBeNull();
  });

  it('never returns anything that a browser resolves to another origin (generated spellings)', () => {
    const parts = ['/', '\\', '\t', '\n', '\r', '.', '%2F', '%5C', '%09', 'evil.com', '@evil.com', ':', ' '];
    const seen: string[] = [];
    const walk = (prefix: string, depth: number) => {
      if (depth === 0) return;
      for (const p of parts) {
        const next = prefix + p;
        const out = safeNext(next, ORIGIN);
        if (out !== null && (new URL(out, ORIGIN).origin !== ORIGIN || out.startsWith('//') || !out.startsWith('/')))
          seen.push(`${JSON.stringify(next)} → ${out}`);
        walk(next, depth - 1);
      }
    };
    walk('/', 4);
    expect(seen).toEqual([]);
  });
});
