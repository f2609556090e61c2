import { createHash } from 'node:crypto';

/**
 * The fingerprint of an eligible population: sha256 (hex) of the call ids sorted ascending, written in
 * decimal and joined by "\n". Anyone with the list of ids can recompute it (`sort -n ids | sha256sum`
 * after removing the final newline).
 */
export function populationHash(ids: ArrayLike<number>): string {
  const sorted = Float64Array.from(ids).sort();
  const h = createHash('sha256');
  const CHUNK = 65_536;
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const part = Array.from(sorted.subarray(i, Math.min(i + CHUNK, sorted.length)), String).join('\n');
    h.update(i === 0 ? part : '\n' + part);
  }
  return h.digest('hex');
}
