import { HOUR_BANDS, type PlanDefinition } from './definition.ts';
import { dayKey, localTime } from './period.ts';
import { ranker } from './rank.ts';

/** An eligible call as the draw sees it. */
export type DrawCandidate = { id: number; agentId: number; startedAt: number; queueId: number | null };

export type DrawnItem = {
  callId: number;
  agentId: number;
  /** HMAC-SHA256(seed, call id), hex. */
  rank: string;
  /** Proportional stratum and time bucket it was taken from, e.g. "queue:3|day:2026-11-17". */
  stratum: string;
  /** 0-based order in which this agent's calls were taken. */
  pick: number;
};

export type AgentDrawStats = { agentId: number; eligible: number; quota: number; drawn: number };

export type DrawInput = {
  seed: string;
  /** The eligible population (any order). Ids must be unique. */
  candidates: readonly DrawCandidate[] | ColumnCandidates;
  /** Quota of an agent given how many of its calls are eligible. */
  quotaOf: (agentId: number, eligible: number) => number;
  stratify: PlanDefinition['stratify'];
  timezone: string;
};

/** The same candidates as parallel columns (what the loader produces; no object per call). */
export type ColumnCandidates = { ids: ArrayLike<number>; agentIds: ArrayLike<number>; startedAt: ArrayLike<number>; queueIds: ArrayLike<number | null> };

const isColumns = (c: DrawInput['candidates']): c is ColumnCandidates => !Array.isArray(c);

/**
 * The draw. Every candidate gets rank = HMAC(seed, id); for each agent, its quota is allocated over the
 * proportional strata (largest remainder) and, within a stratum, taken round-robin over the time
 * buckets (buckets ordered by their best rank), lowest rank first. The result depends only on the
 * set of candidates, the seed and the quotas, never on the order the rows came in.
 */
export function drawSample(input: DrawInput): { items: DrawnItem[]; agents: AgentDrawStats[] } {
  const cols = isColumns(input.candidates)
    ? input.candidates
    : {
        ids: input.candidates.map((c) => c.id),
        agentIds: input.candidates.map((c) => c.agentId),
        startedAt: input.candidates.map((c) => c.startedAt),
        queueIds: input.candidates.map((c) => c.queueId)
      };
  const n = cols.ids.length;
  const r = ranker(input.seed);
  const prefix = new Float64Array(n);
  for (let i = 0; i < n; i++) prefix[i] = r.prefix(cols.ids[i]!);
  // Total order: rank prefix, then full rank (a 48-bit tie is astronomically rare), then call id.
  const cmp = (a: number, b: number) => {
    const d = prefix[a]! - prefix[b]!;
    if (d !== 0) return d;
    const ha = r.hex(cols.ids[a]!);
    const hb = r.hex(cols.ids[b]!);
    return ha < hb ? -1 : ha > hb ? 1 : cols.ids[a]! - cols.ids[b]!;
  };

  // Duplicate ids would make the draw ambiguous: refuse them (a sorted copy finds them cheaply).
  const sortedIds = Float64Array.from(cols.ids).sort();
  for (let i = 1; i < n; i++) if (sortedIds[i] === sortedIds[i - 1]) throw new Error(`call ${sortedIds[i]} appears twice in the population`);

  // Numeric stratum and time-bucket codes per candidate, computed once (labels only for taken calls).
  const { spread, proportional } = input.stratify;
  const local = localTime(input.timezone);
  const stratum = new Float64Array(n);
  const bucket = new Float64Array(n);
  const byAgent = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (proportional !== 'none' || spread !== 'none') {
      const l = local(cols.startedAt[i]!);
      stratum[i] = proportional === 'queue' ? (cols.queueIds[i] ?? -1) : proportional === 'hour' ? HOUR_BAND_INDEX[l.hour]! : 0;
      bucket[i] = spread === 'day' ? l.day : spread === 'week' ? l.week : 0;
    }
    const a = cols.agentIds[i]!;
    let list = byAgent.get(a);
    if (!list) byAgent.set(a, (list = []));
    list.push(i);
  }
  const stratumLabel = (i: number) =>
    proportional === 'queue' ? `queue:${cols.queueIds[i] ?? 'none'}` : proportional === 'hour' ? `hours:${HOUR_BANDS[stratum[i]!]!.key}` : '';
  const bucketLabel = (i: number) => (spread === 'day' ? `day:${dayKey(bucket[i]!)}` : spread === 'week' ? `week:${dayKey(bucket[i]! * 7 + 4)}` : '');
  const keys: Keys = { stratum, bucket, stratumLabel, bucketLabel };

  const items: DrawnItem[] = [];
  const agents: AgentDrawStats[] = [];
  for (const agentId of [...byAgent.keys()].sort((a, b) => a - b)) {
    const idx = byAgent.get(agentId)!;
    const quota = Math.max(0, input.quotaOf(agentId, idx.length));
    const taken = quota >= idx.length ? takeAll(idx, cmp, keys) : takeQuota(idx, quota, cmp, keys);
    taken.forEach((t, pick) => {
      items.push({ callId: cols.ids[t.i]!, agentId, rank: r.hex(cols.ids[t.i]!), stratum: t.label, pick });
    });
    agents.push({ agentId, eligible: idx.length, quota, drawn: taken.length });
  }
  return { items, agents };
}

type Keys = { stratum: Float64Array; bucket: Float64Array; stratumLabel: (i: number) => string; bucketLabel: (i: number) => string };
const HOUR_BAND_INDEX = Array.from({ length: 24 }, (_, h) => HOUR_BANDS.findIndex((b) => h >= b.from && h < b.to));

type Taken = { i: number; label: string };
const label = (s: string, b: string) => [s, b].filter(Boolean).join('|') || 'all';

function takeAll(idx: number[], cmp: (a: number, b: number) => number, k: Keys): Taken[] {
  return [...idx].sort(cmp).map((i) => ({ i, label: label(k.stratumLabel(i), k.bucketLabel(i)) }));
}

/** Keeps the k lowest-ranked indexes seen, sorted (k is small: a quota). */
class Lowest {
  readonly items: number[] = [];
  count = 0;
  constructor(
    private readonly k: number,
    private readonly cmp: (a: number, b: number) => number
  ) {}
  add(i: number) {
    this.count++;
    const it = this.items;
    if (it.length === this.k && this.cmp(i, it[it.length - 1]!) >= 0) return;
    let pos = it.length;
    while (pos > 0 && this.cmp(i, it[pos - 1]!) < 0) pos--;
    it.splice(pos, 0, i);
    if (it.length > this.k) it.pop();
  }
}

function takeQuota(
  idx: number[],
  quota: number,
  cmp: (a: number, b: number) => number,
  k: Keys
): Taken[] {
  if (quota === 0) return [];
  // stratum → bucket → the `quota` lowest of that bucket (no bucket can contribute more).
  const strata = new Map<number, { count: number; best: number; buckets: Map<number, Lowest> }>();
  for (const i of idx) {
    const s = k.stratum[i]!;
    let st = strata.get(s);
    if (!st) strata.set(s, (st = { count: 0, best: i, buckets: new Map() }));
    st.count++;
    if (cmp(i, st.best) < 0) st.best = i;
    const b = k.bucket[i]!;
    let low = st.buckets.get(b);
    if (!low) st.buckets.set(b, (low = new Lowest(quota, cmp)));
    low.add(i);
  }
  const alloc = allocate(quota, idx.length, [...strata.entries()].map(([key, st]) => ({ key: String(key), count: st.count, best: st.best })), cmp);
  const out: Taken[] = [];
  // Strata in order of their best call, so the pick order is itself random.
  for (const [key, st] of [...strata.entries()].sort((a, b) => cmp(a[1].best, b[1].best))) {
    const want = alloc.get(String(key)) ?? 0;
    const buckets = [...st.buckets.values()].sort((a, b) => cmp(a.items[0]!, b.items[0]!));
    let got = 0;
    for (let round = 0, progressed = true; got < want && progressed; round++) {
      progressed = false;
      for (const low of buckets) {
        if (got >= want) break;
        const i = low.items[round];
        if (i === undefined) continue;
        out.push({ i, label: label(k.stratumLabel(i), k.bucketLabel(i)) });
        got++;
        progressed = true;
      }
    }
  }
  return out;
}

/**
 * Largest-remainder allocation of `quota` over strata in proportion to their sizes (quota < total);
 * equal remainders go to the stratum whose best call ranks lower. Never exceeds a stratum's size.
 */
export function allocate(
  quota: number,
  total: number,
  strata: { key: string; count: number; best: number }[],
  cmp: (a: number, b: number) => number
): Map<string, number> {
  const out = new Map<string, number>();
  if (strata.length === 1) {
    out.set(strata[0]!.key, Math.min(quota, strata[0]!.count));
    return out;
  }
  let given = 0;
  const rema: { key: string; rem: number; best: number; count: number }[] = [];
  for (const s of strata) {
    const exact = (quota * s.count) / total;
    const f = Math.floor(exact + 1e-9);
    out.set(s.key, f);
    given += f;
    rema.push({ key: s.key, rem: exact - f, best: s.best, count: s.count });
  }
  rema.sort((a, b) => b.rem - a.rem || cmp(a.best, b.best));
  for (const s of rema) {
    if (given >= quota) break;
    if (out.get(s.key)! < s.count) {
      out.set(s.key, out.get(s.key)! + 1);
      given++;
    }
  }
  return out;
}

/**
 * The replacement for a removed call: the lowest-ranked eligible call of the same agent that is not
 * already in the run (in any status). Null when the agent has no call left.
 */
export function nextReplacement(seed: string, agentCandidateIds: readonly number[], usedIds: ReadonlySet<number>): { callId: number; rank: string } | null {
  const r = ranker(seed);
  let best: { callId: number; rank: string } | null = null;
  for (const id of agentCandidateIds) {
    if (usedIds.has(id)) continue;
    const rank = r.hex(id);
    if (!best || rank < best.rank || (rank === best.rank && id < best.callId)) best = { callId: id, rank };
  }
  return best;
}
