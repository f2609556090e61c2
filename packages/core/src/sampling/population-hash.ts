import { createHash } from 'node:crypto';

/**
 * The fingerprint of an eligible population: sha256 (hex) of the call ids sorted ascending, written in
 * decimal and joined by "\n". Anyone with the list of ids can recompute it (`sort -n ids | sha256sum`
 * after removing the final newline). Digits are written into a byte buffer: a million ids in ~50 ms.
 */
export function populationHash(ids: ArrayLike<number>): string {
  return populationHashOfSorted(Float64Array.from(ids).sort());
}

/** The same, for ids already sorted ascending (a run sorts them once for the hash and the draw). */
export function populationHashOfSorted(sorted: Float64Array): string {
  const h = createHash('sha256');
  for (const chunk of populationText(sorted)) h.update(chunk);
  return h.digest('hex');
}

/**
 * The text the population hash is taken of — sorted ids in decimal, "\n" between them, none at the
 * end — in chunks of ≤ 64 KiB. Served as a download, `sha256sum` of the file is the run's hash.
 */
export function* populationText(sorted: Float64Array): Generator<Uint8Array> {
  const buf = new Uint8Array(1 << 16);
  const digits = new Uint8Array(20);
  let pos = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (pos > buf.length - 24) {
      yield buf.slice(0, pos);
      pos = 0;
    }
    if (i > 0) buf[pos++] = 10;
    let v = sorted[i]!;
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`call id must be a non-negative integer, got ${v}`);
    let n = 0;
    if (v < 2_147_483_648) {
      // The usual case, in 32-bit integer arithmetic (the engine turns / 10 into a multiply).
      let x = v | 0;
      do {
        digits[n++] = 48 + (x % 10);
        x = (x / 10) | 0;
      } while (x > 0);
    } else
      do {
        digits[n++] = 48 + (v % 10);
        v = Math.floor(v / 10);
      } while (v > 0);
    while (n > 0) buf[pos++] = digits[--n]!;
  }
  if (pos > 0) yield buf.slice(0, pos);
}
