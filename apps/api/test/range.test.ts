import { describe, expect, it } from 'vitest';
import { parseRange } from '../src/routes/range.ts';

describe('Range header', () => {
  it('parses single byte ranges', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual([0, 99]);
    expect(parseRange('bytes=900-', 1000)).toEqual([900, 999]);
    expect(parseRange('bytes=-100', 1000)).toEqual([900, 999]);
    expect(parseRange('bytes=-5000', 1000)).toEqual([0, 999]);
    expect(parseRange('bytes=990-5000', 1000)).toEqual([990, 999]);
  });
  it('serves the whole file for no, foreign-unit, multiple or malformed ranges', () => {
    for (const h of [undefined, '', 'items=0-1', 'bytes=0-1,5-6', 'bytes=abc', 'bytes=-'])
      expect(parseRange(h, 1000), String(h)).toBeNull();
  });
  it('flags unsatisfiable ranges', () => {
    for (const h of ['bytes=1000-', 'bytes=2000-3000', 'bytes=5-1', 'bytes=-0']) expect(parseRange(h, 1000), h).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});
