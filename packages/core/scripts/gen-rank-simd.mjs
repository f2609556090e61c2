#!/usr/bin/env node
/**
 * Writes src/sampling/rank-simd.wasm.ts: a WebAssembly module that ranks four call ids at once with
 * HMAC-SHA256, one SHA-256 message per 32-bit lane of a SIMD register. It computes exactly what
 * rank.ts computes one id at a time (tests compare both with node:crypto); it exists because a
 * sampling run ranks every eligible call, and a million HMACs take ~0.95 s in scalar JS but ~0.2 s
 * here, which is most of what keeps a run under a second.
 *
 * Run: pnpm --filter @attentive/core gen:rank-simd
 * `node scripts/gen-rank-simd.mjs --check` exits 1 when the committed module is stale (a test runs it).
 *
 * Memory layout (bytes), shared with rank-batch.ts:
 *   MID_IN   8 × v128  inner HMAC midstate (SHA-256 state after the key ⊕ ipad block), each word in all 4 lanes
 *   MID_OUT  8 × v128  outer midstate (after key ⊕ opad)
 *   STATE    8 × v128  working state
 *   W       16 × v128  message block, word j of lane l at W + 16·j + 4·l
 *   DIG     32 bytes   decimal digits of one id, least significant first
 *   DATA_AT  ids in (f64), then ranks out (f64): see rank-batch.ts
 * export rank(in, out, n): out[i] = first 48 bits of HMAC-SHA256(seed, decimal(in[i])) as a number.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

export const LAYOUT = { MID_IN: 0, MID_OUT: 128, STATE: 256, W: 384, DIG: 640, DATA_AT: 1024 };
const { MID_IN, MID_OUT, STATE, W, DIG } = LAYOUT;

// prettier-ignore
const K = [0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];

// WAT expression builders for 4-lane i32 vectors (SIMD has no rotate: shift right | shift left).
const get = (name) => `(local.get $${name})`;
const rotr = (x, n) => `(v128.or (i32x4.shr_u ${x} (i32.const ${n})) (i32x4.shl ${x} (i32.const ${32 - n})))`;
const xor3 = (a, b, c) => `(v128.xor (v128.xor ${a} ${b}) ${c})`;
const add = (...xs) => xs.reduce((acc, x) => `(i32x4.add ${acc} ${x})`);
const splat = (k) => `(v128.const i32x4 ${k | 0} ${k | 0} ${k | 0} ${k | 0})`;
const vec = (offset) => `(v128.load offset=${offset} (i32.const 0))`;
const setVec = (offset, value) => `(v128.store offset=${offset} (i32.const 0) ${value})`;
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('\n   ');

/** One SHA-256 compression of W into STATE, all 64 rounds unrolled; the message schedule lives in 16 locals. */
function compressBody() {
  const out = [];
  for (let i = 0; i < 16; i++) out.push(`(local.set $w${i} ${vec(W + 16 * i)})`);
  let names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  names.forEach((v, i) => out.push(`(local.set $${v} ${vec(STATE + 16 * i)})`));
  for (let i = 0; i < 64; i++) {
    const wi = `w${i & 15}`;
    if (i >= 16) {
      const x = get(`w${(i - 15) & 15}`);
      const y = get(`w${(i - 2) & 15}`);
      const s0 = xor3(rotr(x, 7), rotr(x, 18), `(i32x4.shr_u ${x} (i32.const 3))`);
      const s1 = xor3(rotr(y, 17), rotr(y, 19), `(i32x4.shr_u ${y} (i32.const 10))`);
      out.push(`(local.set $${wi} ${add(get(wi), s0, get(`w${(i - 7) & 15}`), s1)})`);
    }
    const [a, b, c, d, e, f, g, h] = names.map(get);
    const S1 = xor3(rotr(e, 6), rotr(e, 11), rotr(e, 25));
    const ch = `(v128.bitselect ${f} ${g} ${e})`; // (e & f) | (~e & g)
    out.push(`(local.set $t1 ${add(h, S1, ch, splat(K[i]), get(wi))})`);
    const S0 = xor3(rotr(a, 2), rotr(a, 13), rotr(a, 22));
    const maj = `(v128.bitselect ${c} ${a} (v128.xor ${a} ${b}))`; // a where a = b, else c
    out.push(`(local.set $t2 (i32x4.add ${S0} ${maj}))`);
    // e' = d + t1 and a' = t1 + t2; the other six variables only shift: rename instead of moving.
    out.push(`(local.set $${names[3]} (i32x4.add ${d} (local.get $t1)))`);
    out.push(`(local.set $${names[7]} (i32x4.add (local.get $t1) (local.get $t2)))`);
    names = [names[7], ...names.slice(0, 7)];
  }
  names.forEach((v, i) => out.push(setVec(STATE + 16 * i, `(i32x4.add ${vec(STATE + 16 * i)} ${get(v)})`)));
  return out.join('\n  ');
}

/** Byte address in W of message byte `p` (big-endian words) of lane `lane`. */
const byteAt = (p, lane) =>
  `(i32.add (i32.add (i32.shl (i32.shr_u ${p} (i32.const 2)) (i32.const 4)) (i32.shl ${lane} (i32.const 2))) (i32.sub (i32.const 3) (i32.and ${p} (i32.const 3))))`;

export function rankWat() {
  return `(module
 (memory (export "memory") 1)
 (func $compress
  (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $e v128) (local $f v128) (local $g v128) (local $h v128)
  ${times(16, (i) => `(local $w${i} v128)`)} (local $t1 v128) (local $t2 v128)
  ${compressBody()})
 (func (export "rank") (param $in i32) (param $out i32) (param $n i32)
  (local $base i32) (local $lane i32) (local $idx i32) (local $id i64) (local $len i32) (local $p i32)
  (block $done (loop $batch
   (br_if $done (i32.ge_u (local.get $base) (local.get $n)))
   ;; Inner message of each lane: the decimal id, 0x80, zeros, bit length (64-byte key block + digits).
   ${times(16, (i) => setVec(W + 16 * i, '(v128.const i64x2 0 0)'))}
   (local.set $lane (i32.const 0))
   (loop $lanes
    (local.set $idx (i32.add (local.get $base) (local.get $lane)))
    ;; past the end: hash the batch's first id again and drop the result
    (if (i32.ge_u (local.get $idx) (local.get $n)) (then (local.set $idx (local.get $base))))
    (local.set $id (i64.trunc_f64_u (f64.load (i32.add (local.get $in) (i32.shl (local.get $idx) (i32.const 3))))))
    (local.set $len (i32.const 0))
    (loop $digits
     (i32.store8 offset=${DIG} (local.get $len) (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $id) (i64.const 10)))))
     (local.set $len (i32.add (local.get $len) (i32.const 1)))
     (local.set $id (i64.div_u (local.get $id) (i64.const 10)))
     (br_if $digits (i64.ne (local.get $id) (i64.const 0))))
    (local.set $p (i32.const 0))
    (loop $bytes
     (i32.store8 offset=${W} ${byteAt('(local.get $p)', '(local.get $lane)')}
      (i32.load8_u offset=${DIG} (i32.sub (i32.sub (local.get $len) (i32.const 1)) (local.get $p))))
     (local.set $p (i32.add (local.get $p) (i32.const 1)))
     (br_if $bytes (i32.lt_u (local.get $p) (local.get $len))))
    (i32.store8 offset=${W} ${byteAt('(local.get $len)', '(local.get $lane)')} (i32.const 0x80))
    (i32.store offset=${W + 15 * 16} (i32.shl (local.get $lane) (i32.const 2)) (i32.shl (i32.add (i32.const 64) (local.get $len)) (i32.const 3)))
    (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
    (br_if $lanes (i32.lt_u (local.get $lane) (i32.const 4))))
   ${times(8, (i) => setVec(STATE + 16 * i, vec(MID_IN + 16 * i)))}
   (call $compress)
   ;; Outer message: the 32-byte inner digest, 0x80, zeros, bit length (64 + 32 bytes).
   ${times(8, (i) => setVec(W + 16 * i, vec(STATE + 16 * i)))}
   ${setVec(W + 16 * 8, splat(0x80000000))}
   ${times(6, (i) => setVec(W + 16 * (9 + i), '(v128.const i64x2 0 0)'))}
   ${setVec(W + 16 * 15, splat(768))}
   ${times(8, (i) => setVec(STATE + 16 * i, vec(MID_OUT + 16 * i)))}
   (call $compress)
   ;; rank prefix = word0 · 2^16 + (word1 >>> 16): the first 48 bits, exact in a double
   (local.set $lane (i32.const 0))
   (loop $outs
    (local.set $idx (i32.add (local.get $base) (local.get $lane)))
    (if (i32.lt_u (local.get $idx) (local.get $n)) (then
     (f64.store (i32.add (local.get $out) (i32.shl (local.get $idx) (i32.const 3)))
      (f64.add (f64.mul (f64.convert_i32_u (i32.load offset=${STATE} (i32.shl (local.get $lane) (i32.const 2)))) (f64.const 65536))
               (f64.convert_i32_u (i32.shr_u (i32.load offset=${STATE + 16} (i32.shl (local.get $lane) (i32.const 2))) (i32.const 16)))))))
    (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
    (br_if $outs (i32.lt_u (local.get $lane) (i32.const 4))))
   (local.set $base (i32.add (local.get $base) (i32.const 4)))
   (br $batch))))
)`;
}

export async function rankWasmBase64() {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('rank-simd.wat', rankWat(), { simd: true });
  const { buffer } = mod.toBinary({});
  mod.destroy();
  return Buffer.from(buffer).toString('base64');
}

export function moduleSource(base64) {
  return `// Generated by scripts/gen-rank-simd.mjs (pnpm --filter @attentive/core gen:rank-simd). Do not edit.
// The WebAssembly module behind rank-batch.ts: HMAC-SHA256 of four call ids at once (SIMD lanes).
export const RANK_SIMD_WASM = '${base64}';
export const RANK_SIMD_LAYOUT = ${JSON.stringify(LAYOUT)} as const;
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../src/sampling/rank-simd.wasm.ts', import.meta.url));
  const source = moduleSource(await rankWasmBase64());
  if (process.argv.includes('--check')) {
    const stale = !existsSync(target) || readFileSync(target, 'utf8') !== source;
    console.log(stale ? `${target} is stale: run pnpm --filter @attentive/core gen:rank-simd` : `${target} is up to date`);
    process.exit(stale ? 1 : 0);
  }
  writeFileSync(target, source);
  console.log(`wrote ${target}`);
}
