import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hmacMidstates } from './rank.ts';
import { RANK_SIMD_LAYOUT as L, RANK_SIMD_WASM } from './rank-simd.wasm.ts';

/**
 * Rank prefixes of whole populations: element i is ranker(seed).prefix(ids[i]) — the first 48 bits of
 * HMAC-SHA256(seed, decimal id) — computed four ids at a time by the WebAssembly SIMD module (~5× the
 * scalar ranker): on this thread (rankPrefixes), or shared between worker threads and this thread
 * (startRanking), which is how a sampling run ranks a million calls while it also sorts, hashes and
 * groups them.
 */

/** Ids ranked per call into the module's memory; 16 bytes each (id in, rank out) → 1 MiB of memory. */
const CHUNK = 65_536;

/**
 * The loop that feeds the module, as source text: the same text runs on this thread and in the
 * workers (which cannot import TypeScript), so there is one implementation to test.
 * rankInto(exports, layout, chunk, inner, outer, ids, out, from, to) writes the prefix of ids[i] to
 * out[i] for from ≤ i < to.
 */
const RANK_INTO_JS = `function rankInto(m, L, CHUNK, inner, outer, ids, out, from, to) {
  const need = L.DATA_AT + CHUNK * 16;
  if (m.memory.buffer.byteLength < need) m.memory.grow(Math.ceil((need - m.memory.buffer.byteLength) / 65536));
  const words = new Int32Array(m.memory.buffer);
  for (let i = 0; i < 8; i++)
    for (let lane = 0; lane < 4; lane++) {
      words[(L.MID_IN >> 2) + 4 * i + lane] = inner[i];
      words[(L.MID_OUT >> 2) + 4 * i + lane] = outer[i];
    }
  const inAt = L.DATA_AT, outAt = L.DATA_AT + CHUNK * 8;
  const input = new Float64Array(m.memory.buffer, inAt, CHUNK);
  const output = new Float64Array(m.memory.buffer, outAt, CHUNK);
  for (let start = from; start < to; start += CHUNK) {
    const len = Math.min(CHUNK, to - start);
    for (let i = 0; i < len; i++) {
      const id = ids[start + i];
      if (!Number.isSafeInteger(id) || id < 0) throw new Error('call id must be a non-negative integer, got ' + id);
      input[i] = id;
    }
    m.rank(inAt, outAt, len);
    out.set(len === CHUNK ? output : output.subarray(0, len), start);
  }
}`;

type RankExports = { memory: WebAssembly.Memory; rank: (inPtr: number, outPtr: number, n: number) => void };
type RankInto = (
  m: RankExports,
  layout: typeof L,
  chunk: number,
  inner: Int32Array,
  outer: Int32Array,
  ids: ArrayLike<number>,
  out: Float64Array,
  from: number,
  to: number
) => void;
const rankInto = new Function(`return ${RANK_INTO_JS}`)() as RankInto;

let compiled: WebAssembly.Module | null = null;
const wasmModule = () => (compiled ??= new WebAssembly.Module(Buffer.from(RANK_SIMD_WASM, 'base64')));
let local: RankExports | null = null;
/** This thread's instance (ranking is synchronous, so calls never overlap). */
const localModule = () => (local ??= new WebAssembly.Instance(wasmModule()).exports as unknown as RankExports);

/** The prefixes, on this thread. */
export function rankPrefixes(seedHex: string, ids: ArrayLike<number>): Float64Array {
  const { inner, outer } = hmacMidstates(seedHex);
  const out = new Float64Array(ids.length);
  rankInto(localModule(), L, CHUNK, inner, outer, ids, out, 0, ids.length);
  return out;
}

/** Ids per share of work taken from the common counter (~6 ms of ranking). */
const SHARE = 32_768;

const WORKER_JS = `
import { parentPort, workerData } from 'node:worker_threads';
const rankInto = ${RANK_INTO_JS};
const m = new WebAssembly.Instance(workerData.module).exports;
parentPort.on('message', ({ job, inner, outer, ids, out, next }) => {
  try {
    for (;;) {
      const from = Atomics.add(next, 0, 1) * ${SHARE};
      if (from >= ids.length) break;
      rankInto(m, workerData.layout, workerData.chunk, inner, outer, ids, out, from, Math.min(ids.length, from + ${SHARE}));
    }
    parentPort.postMessage({ job });
  } catch (e) {
    parentPort.postMessage({ job, error: e instanceof Error ? e.message : String(e) });
  }
});`;

type Pending = { resolve: () => void; reject: (e: Error) => void };
type PoolWorker = { worker: Worker; pending: Map<number, Pending> };
let pool: PoolWorker[] | null = null;
let nextJob = 1;

/** Below this many ids the hand-off costs more than it saves. */
const PARALLEL_FROM = 100_000;

function workers(): PoolWorker[] {
  if (pool) return pool;
  // The calling thread ranks too (once its own work is done): one worker per other core.
  const size = Math.max(1, Math.min(4, availableParallelism() - 1));
  pool = Array.from({ length: size }, () => {
    // A data: URL is always an ES module whatever flags the process runs with; no execArgv: the worker
    // needs no loaders (tsx in tests) and starts faster without them.
    const url = new URL(`data:text/javascript,${encodeURIComponent(WORKER_JS)}`);
    const worker = new Worker(url, { execArgv: [], workerData: { module: wasmModule(), layout: L, chunk: CHUNK } });
    const w: PoolWorker = { worker, pending: new Map() };
    w.worker.on('message', (msg: { job: number; error?: string }) => {
      const p = w.pending.get(msg.job);
      w.pending.delete(msg.job);
      if (w.pending.size === 0) w.worker.unref();
      if (msg.error != null) p?.reject(new Error(msg.error));
      else p?.resolve();
    });
    const fail = (e: Error) => {
      for (const p of w.pending.values()) p.reject(e);
      w.pending.clear();
      pool = null; // a broken pool is rebuilt on next use
    };
    w.worker.on('error', fail);
    w.worker.on('exit', (code) => fail(new Error(`rank worker exited with code ${code}`)));
    // Until it has a job, a worker must not keep the process alive (after the listeners: they ref it).
    w.worker.unref();
    return w;
  });
  return pool;
}

export type Ranking = {
  /** Ranks on this thread whatever the workers have not taken yet, waits for them, and returns every prefix. */
  finish(): Promise<Float64Array>;
};

/**
 * Starts ranking `ids` in worker threads and returns at once, leaving this thread free for other work;
 * `finish()` then joins in. Workers and this thread take shares of the ids from one atomic counter in
 * shared memory, so the work splits itself however long this thread was busy. Small populations are
 * ranked in `finish()` on this thread.
 */
export function startRanking(seedHex: string, ids: ArrayLike<number>): Ranking {
  const n = ids.length;
  const { inner, outer } = hmacMidstates(seedHex);
  if (n < PARALLEL_FROM) return { finish: async () => rankPrefixes(seedHex, ids) };
  const shared = new Float64Array(new SharedArrayBuffer(n * 8));
  shared.set(ids);
  const out = new Float64Array(new SharedArrayBuffer(n * 8));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workersDone = workers().map((w) => {
    const job = nextJob++;
    return new Promise<void>((resolve, reject) => {
      w.pending.set(job, { resolve, reject });
      w.worker.ref(); // a job in flight keeps the process alive
      w.worker.postMessage({ job, inner, outer, ids: shared, out, next });
    });
  });
  const done = Promise.all(workersDone);
  done.catch(() => {}); // reported by finish(); never an unhandled rejection if finish() is not reached
  return {
    async finish() {
      const m = localModule();
      for (;;) {
        const from = Atomics.add(next, 0, 1) * SHARE;
        if (from >= n) break;
        rankInto(m, L, CHUNK, inner, outer, shared, out, from, Math.min(n, from + SHARE));
      }
      await done;
      // A copy in ordinary memory: reads from shared memory are slower in the draw's hot loops.
      return out.slice();
    }
  };
}
