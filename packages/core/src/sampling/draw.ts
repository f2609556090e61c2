import { HOUR_BANDS, type PlanDefinition } from './definition.ts';
import { dayKey, localDay, localHour, localWeek, zoneOffset } from './period.ts';
import { ranker } from './rank.ts';
import { rankPrefixes } from './rank-batch.ts';

/** An eligible call as the draw sees it. */
export type DrawCandidate = { id: number; agentId: number; startedAt: number; queueId: number | null };

/** The same candidates as parallel columns (what the loader produces; no object per call). */
export type ColumnCandidates = {
  ids: ArrayLike<number>;
  agentIds: ArrayLike<number>;
  startedAt: ArrayLike<number>;
  queueIds: ArrayLike<number | null>;
};

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
export type DrawResult = { items: DrawnItem[]; agents: AgentDrawStats[] };

export type DrawSetup = {
  /** The eligible population (any order). Ids must be unique. */
  candidates: readonly DrawCandidate[] | ColumnCandidates;
  /** The candidate ids sorted ascending, when the caller has them already (the population hash sorts too). */
  sortedIds?: Float64Array;
  stratify: PlanDefinition['stratify'];
  timezone: string;
};

export type DrawInput = DrawSetup & {
  seed: string;
  /** Quota of an agent given how many of its calls are eligible. */
  quotaOf: (agentId: number, eligible: number) => number;
};

/**
 * The draw. Every candidate gets rank = HMAC(seed, id); for each agent, its quota is allocated over the
 * proportional strata (largest remainder) and, within a stratum, taken round-robin over the time
 * buckets (buckets ordered by their best rank), lowest rank first. The result depends only on the
 * set of candidates, the seed and the quotas, never on the order the rows came in.
 *
 * In two steps for large populations: prepareDraw (checks, strata, buckets, grouping by agent — no
 * ranks needed) and selectDraw (given every candidate's rank prefix), so that a run can rank in worker
 * threads (rank-batch.ts) while this thread prepares. drawSample does both on this thread.
 */
export function drawSample(input: DrawInput): DrawResult {
  const prepared = prepareDraw(input);
  return selectDraw(prepared, { seed: input.seed, prefixes: rankPrefixes(input.seed, prepared.cols.ids), quotaOf: input.quotaOf });
}

export type PreparedDraw = {
  cols: ColumnCandidates;
  stratify: PlanDefinition['stratify'];
  /**
   * Candidate indexes grouped by agent: agent k's candidates are order[agents[k].from … agents[k].to).
   * The hot loops of the selection walk these positions, so every array they read is in this order.
   */
  order: Int32Array;
  /** Every agent with eligible calls, ascending. */
  agents: { agentId: number; from: number; to: number }[];
  /** Dense stratum (0…strata−1) and time-bucket (0…buckets−1) index of each candidate. */
  stratum: Int32Array;
  bucket: Int32Array;
  /** stratum · buckets + bucket, by position in `order`. */
  groupAt: Int32Array;
  strata: number;
  buckets: number;
  /** Bucket index + this = local day number (spread "day") or week number (spread "week"). */
  bucketBase: number;
};

const HOUR_BAND_INDEX = Array.from({ length: 24 }, (_, h) => HOUR_BANDS.findIndex((b) => h >= b.from && h < b.to));

/** Everything that does not need the ranks: the duplicate check, stratum and bucket of each candidate, grouping by agent. */
export function prepareDraw(setup: DrawSetup): PreparedDraw {
  const c = setup.candidates;
  const cols: ColumnCandidates = Array.isArray(c)
    ? {
        ids: c.map((x) => x.id),
        agentIds: c.map((x) => x.agentId),
        startedAt: c.map((x) => x.startedAt),
        queueIds: c.map((x) => x.queueId)
      }
    : (c as ColumnCandidates);
  const n = cols.ids.length;
  assertUniqueSorted(setup.sortedIds ?? Float64Array.from(cols.ids).sort(), n);

  const { spread, proportional } = setup.stratify;
  const stratum = new Int32Array(n);
  const bucket = new Int32Array(n);
  let strata = 1;
  let bucketBase = 0;
  let buckets = 1;
  if (proportional !== 'none' || spread !== 'none') {
    const offset = zoneOffset(setup.timezone);
    const queueIndex = new Map<number, number>();
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const t = cols.startedAt[i]!;
      const local = t + offset(t);
      if (proportional === 'queue') {
        const q = cols.queueIds[i] ?? -1;
        let s = queueIndex.get(q);
        if (s === undefined) queueIndex.set(q, (s = queueIndex.size));
        stratum[i] = s;
      } else if (proportional === 'hour') stratum[i] = HOUR_BAND_INDEX[localHour(local)]!;
      const b = spread === 'day' ? localDay(local) : spread === 'week' ? localWeek(localDay(local)) : 0;
      bucket[i] = b;
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    }
    strata = proportional === 'queue' ? Math.max(1, queueIndex.size) : proportional === 'hour' ? HOUR_BANDS.length : 1;
    if (n > 0) {
      bucketBase = lo;
      buckets = hi - lo + 1;
      for (let i = 0; i < n; i++) bucket[i] = bucket[i]! - lo;
    }
  }
  const { order, agents } = groupByAgent(cols.agentIds);
  const groupAt = new Int32Array(n);
  for (let j = 0; j < n; j++) groupAt[j] = stratum[order[j]!]! * buckets + bucket[order[j]!]!;
  return { cols, stratify: setup.stratify, order, agents, stratum, bucket, groupAt, strata, buckets, bucketBase };
}

/** Each agent's quota, lowest ranks first, spread over strata and buckets. `prefixes[i]` is the rank prefix of candidate i. */
export function selectDraw(
  p: PreparedDraw,
  o: { seed: string; prefixes: Float64Array; quotaOf: (agentId: number, eligible: number) => number }
): DrawResult {
  const { cols, order } = p;
  const n = cols.ids.length;
  if (o.prefixes.length !== n) throw new Error(`${o.prefixes.length} rank prefixes for ${n} candidates`);
  // Positions j (in agent order) from here on: prefix[j] is the prefix of candidate order[j].
  const prefix = new Float64Array(n);
  for (let j = 0; j < n; j++) prefix[j] = o.prefixes[order[j]!]!;
  const r = ranker(o.seed);
  const idAt = (j: number) => cols.ids[order[j]!]!;
  // Total order: rank prefix, then full rank (a 48-bit tie is astronomically rare), then call id.
  const cmp = (a: number, b: number) => {
    const d = prefix[a]! - prefix[b]!;
    if (d !== 0) return d;
    const ha = r.hex(idAt(a));
    const hb = r.hex(idAt(b));
    return ha < hb ? -1 : ha > hb ? 1 : idAt(a) - idAt(b);
  };
  const { spread, proportional } = p.stratify;
  const labelOf = (i: number) => {
    const s =
      proportional === 'queue'
        ? `queue:${cols.queueIds[i] ?? 'none'}`
        : proportional === 'hour'
          ? `hours:${HOUR_BANDS[p.stratum[i]!]!.key}`
          : '';
    const code = p.bucket[i]! + p.bucketBase;
    const b = spread === 'day' ? `day:${dayKey(code)}` : spread === 'week' ? `week:${dayKey(code * 7 + 4)}` : '';
    return [s, b].filter(Boolean).join('|') || 'all';
  };
  const groups = new GroupLowest(p.strata * p.buckets);

  const items: DrawnItem[] = [];
  const agents: AgentDrawStats[] = [];
  for (const { agentId, from, to } of p.agents) {
    const eligible = to - from;
    const quota = Math.max(0, o.quotaOf(agentId, eligible));
    const taken =
      quota >= eligible
        ? Array.from({ length: eligible }, (_, k) => from + k).sort(cmp)
        : takeQuota(from, to, quota, cmp, prefix, p, groups);
    taken.forEach((j, pick) => {
      const i = order[j]!;
      items.push({ callId: cols.ids[i]!, agentId, rank: r.hex(cols.ids[i]!), stratum: labelOf(i), pick });
    });
    agents.push({ agentId, eligible, quota, drawn: taken.length });
  }
  return { items, agents };
}

/** Duplicate ids would make the draw ambiguous: refuse them (`sorted` is the ids, ascending). */
function assertUniqueSorted(sorted: Float64Array, n: number) {
  if (sorted.length !== n) throw new Error(`sortedIds has ${sorted.length} ids, the population ${n}`);
  for (let i = 1; i < n; i++) {
    if (sorted[i]! < sorted[i - 1]!) throw new Error('sortedIds must be sorted ascending');
    if (sorted[i] === sorted[i - 1]) throw new Error(`call ${sorted[i]} appears twice in the population`);
  }
}

/** Candidate indexes grouped by agent, agents ascending, in one counting pass (no array per push). */
function groupByAgent(agentIds: ArrayLike<number>): { order: Int32Array; agents: { agentId: number; from: number; to: number }[] } {
  const n = agentIds.length;
  const slot = new Map<number, number>();
  const slotOf = new Int32Array(n);
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = agentIds[i]!;
    let s = slot.get(a);
    if (s === undefined) {
      s = counts.length;
      slot.set(a, s);
      counts.push(0);
    }
    slotOf[i] = s;
    counts[s]!++;
  }
  // Slots in ascending agent id, so positions run agent by agent in that order.
  const agentsAsc = [...slot.entries()].sort((a, b) => a[0] - b[0]);
  const starts = new Int32Array(counts.length);
  let at = 0;
  const agents = agentsAsc.map(([agentId, s]) => {
    starts[s] = at;
    at += counts[s]!;
    return { agentId, from: starts[s]!, to: at };
  });
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[slotOf[i]!]!++] = i;
  return { order, agents };
}

/**
 * The k lowest-ranked candidates of each (stratum, bucket) group of one agent, kept sorted, and how
 * many candidates each group had, in flat reusable arrays: one agent's ~1,000 candidates touch a
 * handful of groups, and the next agent reuses them (only the touched groups are reset).
 */
class GroupLowest {
  items = new Int32Array(0);
  readonly len: Int32Array;
  readonly seen: Int32Array;
  readonly touched: number[] = [];
  k = 0;
  constructor(groups: number) {
    this.len = new Int32Array(groups);
    this.seen = new Int32Array(groups);
  }
  reset(k: number) {
    for (const g of this.touched) this.len[g] = this.seen[g] = 0;
    this.touched.length = 0;
    this.k = k;
    if (this.items.length < this.len.length * k) this.items = new Int32Array(this.len.length * k);
  }
  /** Inserts candidate j into group g's sorted k lowest (called for candidates that may belong there). */
  add(g: number, j: number, cmp: (a: number, b: number) => number) {
    const { items, k } = this;
    const base = g * k;
    let n = this.len[g]!;
    if (n === 0) this.touched.push(g);
    if (n === k) {
      if (cmp(j, items[base + k - 1]!) >= 0) return;
      n--; // the last one drops out
    }
    let pos = n;
    while (pos > 0 && cmp(j, items[base + pos - 1]!) < 0) {
      items[base + pos] = items[base + pos - 1]!;
      pos--;
    }
    items[base + pos] = j;
    this.len[g] = n + 1;
  }
  list(g: number): number[] {
    return Array.from(this.items.subarray(g * this.k, g * this.k + this.len[g]!));
  }
}

/** One agent's quota from positions [from, to): see drawSample for the rule. */
function takeQuota(
  from: number,
  to: number,
  quota: number,
  cmp: (a: number, b: number) => number,
  prefix: Float64Array,
  p: PreparedDraw,
  groups: GroupLowest
): number[] {
  if (quota === 0) return [];
  // (stratum, bucket) group → how many candidates and its `quota` lowest (no bucket can give more).
  // The loop is the hot path of a run (a million candidates): two array reads for most of them.
  groups.reset(quota);
  const { groupAt, buckets } = p;
  const { items, len, seen } = groups;
  for (let j = from; j < to; j++) {
    const g = groupAt[j]!;
    seen[g]!++;
    // Most candidates rank below their full group's last on the prefix alone: skip them here.
    if (len[g] === quota && prefix[j]! > prefix[items[g * quota + quota - 1]!]!) continue;
    groups.add(g, j, cmp);
  }
  // Strata: their sizes and best candidates, from their groups.
  const byStratum = new Map<number, { key: string; count: number; best: number; lists: number[][] }>();
  for (const g of groups.touched) {
    const s = Math.floor(g / buckets);
    let st = byStratum.get(s);
    if (!st) byStratum.set(s, (st = { key: String(s), count: 0, best: -1, lists: [] }));
    const list = groups.list(g);
    st.count += seen[g]!;
    if (st.best < 0 || cmp(list[0]!, st.best) < 0) st.best = list[0]!;
    st.lists.push(list);
  }
  const strata = [...byStratum.values()];
  const alloc = allocate(quota, to - from, strata, cmp);
  const out: number[] = [];
  // Strata in order of their best call, so the pick order is itself random.
  for (const st of strata.sort((a, b) => cmp(a.best, b.best))) {
    const want = alloc.get(st.key) ?? 0;
    const lists = st.lists.sort((a, b) => cmp(a[0]!, b[0]!));
    let got = 0;
    for (let round = 0, progressed = true; got < want && progressed; round++) {
      progressed = false;
      for (const list of lists) {
        if (got >= want) break;
        const j = list[round];
        if (j === undefined) continue;
        out.push(j);
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
export function nextReplacement(
  seed: string,
  agentCandidateIds: readonly number[],
  usedIds: ReadonlySet<number>
): { callId: number; rank: string } | null {
  const r = ranker(seed);
  let best: { callId: number; rank: string } | null = null;
  for (const id of agentCandidateIds) {
    if (usedIds.has(id)) continue;
    const rank = r.hex(id);
    if (!best || rank < best.rank || (rank === best.rank && id < best.callId)) best = { callId: id, rank };
  }
  return best;
}
