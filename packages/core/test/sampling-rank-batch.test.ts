import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankPrefixes, startRanking } from '../src/sampling/rank-batch.ts';
import { ranker } from '../src/sampling/rank.ts';

const referencePrefix = (seed: string, id: number) =>
  parseInt(createHmac('sha256', Buffer.from(seed, 'hex')).update(String(id)).digest('hex').slice(0, 12), 16);

describe('rankPrefixes (WebAssembly SIMD) = the scalar ranker = node:crypto HMAC', () => {
  it('matches for edge ids, every seed length and batch sizes around the 4-lane and chunk boundaries', () => {
    const edge = [0, 1, 9, 10, 99, 100, 12345, 99_999_999, 2 ** 31, 2 ** 32 + 7, 999_999_999_999_999, Number.MAX_SAFE_INTEGER];
    for (const bytes of [16, 32, 48, 64]) {
      const seed = randomBytes(bytes).toString('hex');
      const got = rankPrefixes(seed, edge);
      edge.forEach((id, i) => expect(got[i], `id ${id}`).toBe(referencePrefix(seed, id)));
    }
    const seed = randomBytes(32).toString('hex');
    const r = ranker(seed);
    for (const n of [0, 1, 3, 4, 5, 65_535, 65_536, 65_537, 131_075]) {
      const ids = Array.from({ length: n }, (_, i) => (i * 7919) % 1_000_003);
      const got = rankPrefixes(seed, ids);
      expect(got.length).toBe(n);
      // every 97th id plus the last few (the tail of the last SIMD batch and chunk)
      for (let i = 0; i < n; i += 97) expect(got[i]).toBe(r.prefix(ids[i]!));
      for (let i = Math.max(0, n - 5); i < n; i++) expect(got[i]).toBe(r.prefix(ids[i]!));
    }
  });

  it('matches for random seeds and id lists (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 64 }), fc.array(fc.maxSafeNat(), { maxLength: 40 }), (key, ids) => {
        const seed = Buffer.from(key).toString('hex');
        const got = rankPrefixes(seed, ids);
        ids.forEach((id, i) => expect(got[i]).toBe(referencePrefix(seed, id)));
      }),
      { numRuns: 200 }
    );
  });

  it('refuses ids that are not non-negative safe integers, and bad seeds', () => {
    const seed = 'ab'.repeat(32);
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => rankPrefixes(seed, [1, bad])).toThrow(/non-negative integer/);
    expect(() => rankPrefixes('xyz', [1])).toThrow(/seed/);
  });

  it('startRanking: worker threads and this thread together give exactly the same prefixes', async () => {
    const seed = randomBytes(32).toString('hex');
    const ids = Array.from({ length: 300_001 }, (_, i) => (i * 7919 + 13) % 10_000_019);
    const ranking = startRanking(seed, ids);
    // This thread is busy for a while first, as in a sampling run: the workers take shares meanwhile.
    let busy = 0;
    for (let i = 0; i < 2_000_000; i++) busy += Math.sqrt(i);
    expect(busy).toBeGreaterThan(0);
    expect(await ranking.finish()).toEqual(rankPrefixes(seed, ids));
    // Small populations are ranked in finish(), on this thread.
    expect(await startRanking(seed, [5, 6, 7]).finish()).toEqual(rankPrefixes(seed, [5, 6, 7]));
  });

  it('startRanking: a bad id anywhere fails finish() with the id, and the pool still works after', async () => {
    const seed = 'cd'.repeat(32);
    const ids = Array.from({ length: 200_000 }, (_, i) => i);
    ids[150_000] = -3;
    await expect(startRanking(seed, ids).finish()).rejects.toThrow(/got -3/);
    ids[150_000] = 150_000;
    expect((await startRanking(seed, ids).finish())[150_000]).toBe(rankPrefixes(seed, [150_000])[0]);
  });

  it('idle rank workers do not keep a process alive', () => {
    const mod = fileURLToPath(new URL('../src/sampling/rank-batch.ts', import.meta.url));
    const script = `const { startRanking } = await import(${JSON.stringify(mod)});
      const r = await startRanking('ab'.repeat(32), Array.from({ length: 150000 }, (_, i) => i)).finish();
      console.log('ranked', r.length);`;
    const started = Date.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000
    });
    expect(out).toContain('ranked 150000');
    expect(Date.now() - started).toBeLessThan(15_000); // exits on its own, not killed at the timeout
  });

  it('the committed WebAssembly module is what scripts/gen-rank-simd.mjs generates', () => {
    const script = fileURLToPath(new URL('../scripts/gen-rank-simd.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
