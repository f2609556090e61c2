import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { populationHash } from '../src/sampling/population-hash.ts';
import { ranker } from '../src/sampling/rank.ts';
import { createHash } from 'node:crypto';

const reference = (seed: string, id: number) => createHmac('sha256', Buffer.from(seed, 'hex')).update(String(id)).digest('hex');

describe('rank = HMAC-SHA256(seed, call id)', () => {
  it('equals node:crypto HMAC for edge ids and seed lengths', () => {
    for (const bytes of [16, 32, 48, 64]) {
      const seed = randomBytes(bytes).toString('hex');
      const r = ranker(seed);
      for (const id of [0, 1, 9, 10, 99, 100, 12345, 99_999_999, 2 ** 31, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER])
        expect(r.hex(id)).toBe(reference(seed, id));
    }
  });
  it('equals node:crypto HMAC for random seeds and ids (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 64 }), fc.maxSafeNat(), (key, id) => {
        const seed = Buffer.from(key).toString('hex');
        expect(ranker(seed).hex(id)).toBe(reference(seed, id));
      }),
      { numRuns: 300 }
    );
  });
  it('prefix orders like the hex', () => {
    const r = ranker('ab'.repeat(32));
    for (let i = 0; i < 500; i++) {
      const [a, b] = [i, i + 1000];
      const byPrefix = Math.sign(r.prefix(a) - r.prefix(b));
      const byHex = Math.sign(r.hex(a) < r.hex(b) ? -1 : 1);
      expect(byPrefix === 0 || byPrefix === byHex).toBe(true);
    }
  });
  it('refuses bad seeds and ids', () => {
    expect(() => ranker('abc')).toThrow(/seed/);
    expect(() => ranker('G'.repeat(32))).toThrow(/seed/);
    expect(() => ranker('ab'.repeat(16)).hex(-1)).toThrow(/non-negative/);
    expect(() => ranker('ab'.repeat(16)).hex(1.5)).toThrow(/non-negative/);
  });
});

describe('population hash', () => {
  it('is sha256 of the sorted ids joined by newlines, whatever the input order', () => {
    const ids = [30, 2, 1000, 7];
    expect(populationHash(ids)).toBe(createHash('sha256').update('2\n7\n30\n1000').digest('hex'));
    expect(populationHash([...ids].reverse())).toBe(populationHash(ids));
    expect(populationHash([])).toBe(createHash('sha256').update('').digest('hex'));
  });
  it('spans chunks correctly for large populations', () => {
    const ids = Array.from({ length: 150_000 }, (_, i) => 150_000 - i);
    expect(populationHash(ids)).toBe(
      createHash('sha256')
        .update(Array.from({ length: 150_000 }, (_, i) => i + 1).join('\n'))
        .digest('hex')
    );
  });
  it('changes when one id changes', () => {
    expect(populationHash([1, 2, 3])).not.toBe(populationHash([1, 2, 4]));
  });
});
