/**
 * The rank of a call in a run: HMAC-SHA256(key = run seed, message = decimal call id), as hex.
 * Equal to node's createHmac('sha256', seed).update(String(id)).digest('hex') (tested), but computed with
 * precomputed inner/outer SHA-256 states: one compression each, ~10× faster than createHmac per call.
 * This is the reference, one id at a time; rank-batch.ts ranks whole populations four ids at a time.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/**
 * One SHA-256 compression of the 16 words in `w` into `state`. The message schedule is kept in a
 * 16-word ring inside `w` (overwritten), which is measurably faster than a 64-word array here.
 */
function compress(state: Int32Array, w: Int32Array) {
  let a = state[0]!,
    b = state[1]!,
    c = state[2]!,
    d = state[3]!,
    e = state[4]!,
    f = state[5]!,
    g = state[6]!,
    h = state[7]!;
  for (let i = 0; i < 64; i++) {
    let wi: number;
    if (i < 16) wi = w[i]!;
    else {
      const x = w[(i - 15) & 15]!;
      const y = w[(i - 2) & 15]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      wi = (w[i & 15]! + s0 + w[(i - 7) & 15]! + s1) | 0;
      w[i & 15] = wi;
    }
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + wi) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** A seed is 32–128 hex characters (16–64 bytes): the HMAC key. */
export const SEED_PATTERN = /^[0-9a-f]{32,128}$/;

export type Ranker = {
  /** The full rank as 64 hex characters. */
  hex(callId: number): string;
  /** The first 48 bits of the rank as a number: orders like the hex (ties resolved by `hex`). */
  prefix(callId: number): number;
};

/**
 * The SHA-256 states after the first block of each HMAC hash: key ⊕ ipad (inner) and key ⊕ opad
 * (outer). Every rank of a seed starts from these, so they are computed once per seed.
 */
export function hmacMidstates(seedHex: string): { inner: Int32Array; outer: Int32Array } {
  if (!SEED_PATTERN.test(seedHex)) throw new Error('seed must be 32–128 lowercase hex characters');
  const key = new Uint8Array(64);
  for (let i = 0; i < seedHex.length / 2; i++) key[i] = parseInt(seedHex.slice(2 * i, 2 * i + 2), 16);
  const w = new Int32Array(16);
  const mid = (pad: number) => {
    for (let i = 0; i < 16; i++) {
      w[i] = ((key[4 * i]! ^ pad) << 24) | ((key[4 * i + 1]! ^ pad) << 16) | ((key[4 * i + 2]! ^ pad) << 8) | (key[4 * i + 3]! ^ pad);
    }
    const s = new Int32Array(IV);
    compress(s, w);
    return s;
  };
  return { inner: mid(0x36), outer: mid(0x5c) };
}

/** Builds the keyed ranker for one seed (hex). Call ids must be non-negative safe integers. */
export function ranker(seedHex: string): Ranker {
  const { inner: innerMid, outer: outerMid } = hmacMidstates(seedHex);
  const w = new Int32Array(16);
  const inner = new Int32Array(8);
  const outer = new Int32Array(8);
  const digits = new Uint8Array(20);

  function run(callId: number): Int32Array {
    if (!Number.isSafeInteger(callId) || callId < 0) throw new Error(`call id must be a non-negative integer, got ${callId}`);
    // Decimal digits of the id, most significant first.
    let n = 0;
    let v = callId;
    do {
      digits[n++] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
    w.fill(0, 0, 16);
    for (let i = 0; i < n; i++) {
      const byte = digits[n - 1 - i]!;
      w[i >> 2]! |= byte << (24 - 8 * (i & 3));
    }
    w[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
    w[15] = (64 + n) * 8;
    inner.set(innerMid);
    compress(inner, w);
    for (let i = 0; i < 8; i++) w[i] = inner[i]!;
    w[8] = 0x80000000 | 0;
    for (let i = 9; i < 15; i++) w[i] = 0;
    w[15] = (64 + 32) * 8;
    outer.set(outerMid);
    compress(outer, w);
    return outer;
  }

  return {
    hex(callId) {
      const s = run(callId);
      let out = '';
      for (let i = 0; i < 8; i++) out += (s[i]! >>> 0).toString(16).padStart(8, '0');
      return out;
    },
    prefix(callId) {
      const s = run(callId);
      return (s[0]! >>> 0) * 65536 + (s[1]! >>> 16);
    }
  };
}
