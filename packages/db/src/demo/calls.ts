import { CALL_IMPORT_COLUMNS, type TranscriptTurn } from '../schema/calls.ts';
import { createRng, cumulative, hash32 } from './prng.ts';
import type { AgentDef, Roster } from './roster.ts';
import { LAST_NAMES } from './roster.ts';
import { buildTranscript, type Lang } from './transcripts.ts';

/** Column order of the rows this generator yields (raw multi-row INSERTs, no ORM on the hot path). */
export const CALL_COLUMNS = ['id', ...CALL_IMPORT_COLUMNS, 'created_at'] as const;
export type CallValues = (string | number | null)[];
export type TranscriptValues = [callId: number, language: Lang, turnsJson: string];

export type CallGenOptions = {
  seed: string;
  /** Reference date: calls fill the `days` days before it. */
  now: Date;
  days: number;
  calls: number;
  /** Expected number of calls with a transcript. */
  transcripts: number;
  roster: Roster;
  firstId: number;
  ids: { tenantId: number; programs: Map<string, number>; queues: Map<string, number>; agents: Map<string, number> };
};

const DAY_MS = 86_400_000;
/** Relative call volume Sunday..Saturday: Monday is the busiest day, Sunday nearly quiet. */
const WEEKDAY_WEIGHT = [0.14, 1.28, 1.1, 1.0, 1.0, 0.9, 0.38];
/** Opening hours (local) and arrival weights per hour, Sunday..Saturday. */
const HOURS: { from: number; weights: number[] }[] = [
  { from: 10, weights: [0.7, 1, 1, 0.9, 0.8, 0.6] },
  ...Array.from({ length: 5 }, () => ({ from: 8, weights: [0.65, 1.0, 1.15, 1.1, 0.95, 0.9, 1.0, 0.95, 0.85, 0.7, 0.5, 0.35, 0.25] })),
  { from: 9, weights: [0.8, 1, 1, 0.9, 0.8, 0.7, 0.6, 0.5] }
];
const HOUR_SAMPLERS = HOURS.map((h) => cumulative(h.weights));
const DISPOSITIONS = ['resolved', 'information_given', 'follow_up', 'escalated', 'complaint'] as const;
const DISPOSITION_WEIGHTS = { scripted: [0.42, 0.3, 0.16, 0.06, 0.06], oriented: [0.62, 0.22, 0.1, 0.03, 0.03] };

/**
 * Yields the calls of the demo contact center day by day (oldest first, in time order within a day),
 * with ids assigned from `firstId`, plus the transcripts of the few calls that carry one.
 * Deterministic: the same options give the same rows.
 */
export function* generateCalls(o: CallGenOptions): Generator<{ calls: CallValues[]; transcripts: TranscriptValues[] }> {
  const rng = createRng(`${o.seed}/calls`);
  const { roster, ids } = o;
  const nowMs = o.now.getTime();
  const programs = roster.programs;
  const programSampler = cumulative(programs.map((p) => p.share));
  const queueSamplers = programs.map((p) => cumulative(p.queues.map((q) => q.weight)));
  const clientSalts = programs.map((p) => hash32(`${o.seed}/customers/${p.clientCode}`));
  const clientName = new Map(roster.clients.map((c) => [c.code, c.name]));
  const teamOf = new Map(roster.teams.map((t) => [t.code, t]));
  const agentIds = roster.agents.map((a) => ids.agents.get(a.code)!);
  const programIds = programs.map((p) => ids.programs.get(p.code)!);
  const queueIds = programs.map((p) => p.queues.map((q) => ids.queues.get(`${p.code}/${q.code}`)!));
  // Affinity of each agent to each program: the team's own program, some overflow from the sister program.
  const affinity = programs.map((p) =>
    roster.agents.map((a) => {
      const t = teamOf.get(a.teamCode)!;
      return t.programCode === p.code ? 1 : t.secondaryProgramCode === p.code ? 0.2 : 0;
    })
  );

  // Day volumes: weekday weights with a little noise, rounded so the total is exact.
  const dayStarts = Array.from({ length: o.days }, (_, i) => nowMs - (o.days - i) * DAY_MS);
  const dayWeights = dayStarts.map((d) => WEEKDAY_WEIGHT[new Date(d + 12 * 3_600_000).getUTCDay()]! * (0.92 + 0.16 * rng.next()));
  const perDay = apportion(o.calls, dayWeights);
  const pTranscript = Math.min(1, (o.transcripts / Math.max(1, o.calls)) * 1.35);

  let nextId = o.firstId;
  for (let di = 0; di < o.days; di++) {
    const dayStart = dayStarts[di]!;
    const daysAgo = o.days - di;
    const weekday = new Date(dayStart + 12 * 3_600_000).getUTCDay();
    const offsetMs = amsterdamOffsetHours(dayStart + 12 * 3_600_000) * 3_600_000;
    const workChance = weekday === 0 ? 0.15 : weekday === 6 ? 0.35 : 0.8;

    const active = roster.agents.map((a) => isActive(a, daysAgo));
    const working = active.map((on) => on && rng.chance(workChance));
    const pools = programs.map((_, pi) => poolFor(affinity[pi]!, roster.agents, working, active));

    const rows: { at: number; pi: number; ai: number; inbound: boolean; short: boolean; hourLoad: number }[] = [];
    for (let k = 0; k < perDay[di]!; k++) {
      const pi = programSampler(rng.next());
      const hourIdx = HOUR_SAMPLERS[weekday]!(rng.next());
      const hour = HOURS[weekday]!.from + hourIdx;
      const inbound = !(hour >= 9 && hour < 17 && rng.chance(0.07));
      const at = dayStart - offsetMs + hour * 3_600_000 + Math.floor(rng.next() * 3_600_000);
      const pool = pools[pi]!;
      const ai = pool.agents.length ? pool.agents[pool.sample(rng.next())]! : rng.int(0, roster.agents.length - 1);
      rows.push({
        at,
        pi,
        ai,
        inbound,
        short: rng.chance(0.04),
        hourLoad: hour >= 9 && hour <= 11 ? 1.8 : hour >= 13 && hour <= 14 ? 1.3 : 1
      });
    }
    rows.sort((a, b) => a.at - b.at);

    const calls: CallValues[] = [];
    const transcripts: TranscriptValues[] = [];
    for (const r of rows) {
      const id = nextId++;
      const program = programs[r.pi]!;
      const agent = roster.agents[r.ai]!;
      const tenure = agent.hiredDaysAgo - daysAgo;
      const novice = tenure < 90;
      const scripted = agent.profile === 'friendly_scripted' || agent.profile === 'neither';
      const qi = queueSamplers[r.pi]!(rng.next());
      const answer = r.inbound ? Math.min(900, Math.round(rng.logNormal(16 * r.hourLoad * (weekday === 1 ? 1.3 : 1), 0.9))) : 0;
      let talk = r.short
        ? rng.int(5, 29)
        : Math.max(30, Math.min(3600, Math.round(rng.logNormal(program.talkMedian * (novice ? 1.2 : 1) * (scripted ? 0.95 : 1.08), 0.55))));
      const hold = rng.chance(novice ? 0.38 : 0.25) ? Math.min(900, Math.round(rng.logNormal(45, 0.7))) : 0;
      const pTransfer = (novice ? 0.13 : 0.07) * (scripted ? 1.5 : 0.8);
      const transfers = rng.chance(pTransfer) ? (rng.chance(0.15) ? 2 : 1) : 0;
      const disposition = r.short
        ? 'dropped'
        : transfers > 0
          ? 'transferred'
          : rng.weighted(DISPOSITIONS, scripted ? DISPOSITION_WEIGHTS.scripted : DISPOSITION_WEIGHTS.oriented);
      const customerRef = customerRefFor(clientSalts[r.pi]!, Math.floor(o.calls / 4), rng.next());
      let language: Lang = rng.chance(0.05) ? 'en' : 'nl';

      if (r.inbound && !r.short && talk >= 60 && rng.chance(pTranscript)) {
        const trRng = createRng(`${o.seed}/transcript/${id}`);
        language = trRng.chance(0.2) ? 'en' : 'nl';
        const turns: TranscriptTurn[] = buildTranscript({
          rng: trRng,
          topic: program.queues[qi]!.topic,
          profile: agent.profile,
          language,
          agentFirstName: agent.firstName,
          companyName: clientName.get(program.clientCode)!,
          customerSurname: trRng.pick(LAST_NAMES),
          day: new Date(dayStart)
        });
        talk = Math.ceil(turns[turns.length - 1]!.end);
        transcripts.push([id, language, JSON.stringify(turns)]);
      }

      calls.push([
        id,
        ids.tenantId,
        'demo',
        `DEMO-${String(id).padStart(7, '0')}`,
        programIds[r.pi]!,
        queueIds[r.pi]![qi]!,
        agentIds[r.ai]!,
        r.inbound ? 'inbound' : 'outbound',
        r.at,
        answer,
        talk,
        hold,
        transfers,
        disposition,
        customerRef,
        null,
        language,
        nowMs
      ]);
    }
    yield { calls, transcripts };
  }
}

function isActive(a: AgentDef, daysAgo: number) {
  // Ten days of classroom training before the first call; no calls after leaving.
  return daysAgo <= a.hiredDaysAgo - 10 && (a.leftDaysAgo == null || daysAgo > a.leftDaysAgo);
}

function poolFor(affinity: number[], agents: AgentDef[], working: boolean[], active: boolean[]) {
  const pick = (on: boolean[]) => agents.map((_, i) => i).filter((i) => on[i] && affinity[i]! > 0);
  let members = pick(working);
  if (!members.length) members = pick(active);
  return { agents: members, sample: cumulative(members.map((i) => affinity[i]! * agents[i]!.activity)) };
}

/** A pseudonym per customer of a client; a skewed draw makes some customers call again. */
function customerRefFor(clientSalt: number, poolSize: number, u: number) {
  const idx = Math.floor(Math.max(1, poolSize) * u ** 1.7);
  return `K${mix32(idx ^ clientSalt)
    .toString(16)
    .padStart(8, '0')}`;
}

/** murmur3's finaliser: a cheap bijective scramble of a 32-bit integer. */
function mix32(x: number) {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Splits `total` over the weights so the parts add up exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) out[order[k % order.length]![1]]! += 1;
  return out;
}

/** Europe/Amsterdam offset from UTC: CEST (+2) from the last Sunday of March to the last Sunday of October. */
export function amsterdamOffsetHours(utcMs: number): number {
  const y = new Date(utcMs).getUTCFullYear();
  const lastSunday = (month: number) => {
    const d = new Date(Date.UTC(y, month + 1, 0, 1));
    return d.getTime() - d.getUTCDay() * DAY_MS;
  };
  return utcMs >= lastSunday(2) && utcMs < lastSunday(9) ? 2 : 1;
}
