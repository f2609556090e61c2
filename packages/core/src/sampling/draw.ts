import { hourBand, type PlanDefinition } from './definition.ts';
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

  // Group candidate indexes by agent.
  const byAgent = new Map<number, number[]>();
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const id = cols.ids[i]!;
    if (seen.has(id)) throw new Error(`call ${id} appears twice in the population`);
    seen.add(id);
    const a = cols.agentIds[i]!;
    let list = byAgent.get(a);
    if (!list) byAgent.set(a, (list = []));
    list.push(i);
  }

  const local = localTime(input.timezone);
  const { spread, proportional } = input.stratify;
  const stratumOf = (i: number): string => {
    if (proportional === 'queue') return `queue:${cols.queueIds[i] ?? 'none'}`;
    if (proportional === 'hour') return `hours:${hourBand(local(cols.startedAt[i]!).hour)}`;
    return '';
  };
  const bucketOf = (i: number): string => {
    if (spread === 'none') return '';
    const l = local(cols.startedAt[i]!);
    return spread === 'day' ? `day:${dayKey(l.day)}` : `week:${dayKey(l.week * 7 + 4)}`;
  };

  const items: DrawnItem[] = [];
  const agents: AgentDrawStats[] = [];
  for (const agentId of [...byAgent.keys()].sort((a, b) => a - b)) {
    const idx = byAgent.get(agentId)!;
    const quota = Math.max(0, input.quotaOf(agentId, idx.length));
    const taken = quota >= idx.length ? takeAll(idx, cmp, stratumOf, bucketOf) : takeQuota(idx, quota, cmp, stratumOf, bucketOf);
    taken.forEach((t, pick) => {
      items.push({ callId: cols.ids[t.i]!, agentId, rank: r.hex(cols.ids[t.i]!), stratum: t.label, pick });
    });
    agents.push({ agentId, eligible: idx.length, quota, drawn: taken.length });
  }
  return { items, agents };
}

type Taken = { i: number; label: string };
const label = (s: string, b: string) => [s, b].filter(Boolean).join('|') || 'all';

function takeAll(idx: number[], cmp: (a: number, b: number) => number, stratumOf: (i: number) => string, bucketOf: (i: number) => string): Taken[] {
  return [...idx].sort(cmp).map((i) => ({ i, label: label(stratumOf(i), bucketOf(i)) }));
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
  stratumOf: (i: number) => string,
  bucketOf: (i: number) => string
): Taken[] {
  if (quota === 0) return [];
  // stratum → bucket → the `quota` lowest of that bucket (no bucket can contribute more).
  const strata = new Map<string, { count: number; best: number; buckets: Map<string, Lowest> }>();
  for (const i of idx) {
    const s = stratumOf(i);
    let st = strata.get(s);
    if (!st) strata.set(s, (st = { count: 0, best: i, buckets: new Map() }));
    st.count++;
    if (cmp(i, st.best) < 0) st.best = i;
    const b = bucketOf(i);
    let low = st.buckets.get(b);
    if (!low) st.buckets.set(b, (low = new Lowest(quota, cmp)));
    low.add(i);
  }
  const alloc = allocate(quota, idx.length, [...strata.entries()].map(([key, st]) => ({ key, count: st.count, best: st.best })), cmp);
  const out: Taken[] = [];
  // Strata in order of their best call, so the pick order is itself random.
  for (const [key, st] of [...strata.entries()].sort((a, b) => cmp(a[1].best, b[1].best))) {
    const k = alloc.get(key) ?? 0;
    const buckets = [...st.buckets.entries()].sort((a, b) => cmp(a[1].items[0]!, b[1].items[0]!));
    let got = 0;
    for (let round = 0, progressed = true; got < k && progressed; round++) {
      progressed = false;
      for (const [bkey, low] of buckets) {
        if (got >= k) break;
        const i = low.items[round];
        if (i === undefined) continue;
        out.push({ i, label: label(key, bkey) });
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
