import type { TranscriptTurn } from '../schema/calls.ts';
import { createRng } from './prng.ts';
import { CLIENTS, LAST_NAMES, PROGRAMS, type AgentDef, type AgentProfile, type Roster } from './roster.ts';
import { buildTranscript, type Lang } from './transcripts.ts';

/**
 * The demo calls that carry real audio. Their transcripts depend on a fixed key (not on `now`), so the
 * committed recordings (rendered by `pnpm --filter @attentive/db demo:audio`) always match them.
 * The agent's name comes from the roster of the default seed.
 */
export type Showcase = { file: string; program: string; queue: string; profile: AgentProfile; language: Lang };

export const DEFAULT_SEED = 'attentive-demo';

const DAY_MS = 86_400_000;

/**
 * Where the showcase calls are taken from: the last closed week (Monday–Sunday in Amsterdam) before
 * `now`, which the demo sampling plans draw at the first start — so recorded calls can be sampled.
 * As UTC instants, kept two hours inside the local week whatever the offset (+1 or +2).
 */
export function showcaseWindow(now: Date): { from: number; to: number } {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const isoDow = ((new Date(day).getUTCDay() + 6) % 7) + 1;
  const monday = day - (isoDow - 1) * DAY_MS;
  return { from: monday - 7 * DAY_MS, to: monday - 2 * 3_600_000 };
}

export const SHOWCASES: Showcase[] = [
  { file: 'energy-meter-nl.ogg', program: 'EN-CARE', queue: 'METER', profile: 'oriented', language: 'nl' },
  { file: 'energy-invoice-nl.ogg', program: 'EN-CARE', queue: 'INVOICE', profile: 'friendly_scripted', language: 'nl' },
  { file: 'energy-move-en.ogg', program: 'EN-MOVE', queue: 'MOVE', profile: 'both', language: 'en' },
  { file: 'telco-outage-nl.ogg', program: 'TC-TECH', queue: 'OUTAGE', profile: 'friendly_scripted', language: 'nl' },
  { file: 'telco-contract-nl.ogg', program: 'TC-CARE', queue: 'CONTRACT', profile: 'both', language: 'nl' },
  { file: 'insure-claim-nl.ogg', program: 'IN-CLAIMS', queue: 'CLAIM', profile: 'neither', language: 'nl' },
  { file: 'insure-coverage-en.ogg', program: 'IN-SERVICE', queue: 'COVERAGE', profile: 'oriented', language: 'en' }
];

/** A settled agent of a team serving the showcase's program, with the wanted profile if there is one. */
export function showcaseAgent(roster: Roster, s: Showcase): AgentDef {
  const teams = new Set(roster.teams.filter((t) => t.programCode === s.program).map((t) => t.code));
  const candidates = roster.agents.filter((a) => teams.has(a.teamCode) && a.leftDaysAgo == null && a.hiredDaysAgo > 130);
  return candidates.find((a) => a.profile === s.profile) ?? candidates[0] ?? roster.agents.find((a) => teams.has(a.teamCode))!;
}

export function showcaseTranscript(roster: Roster, s: Showcase): TranscriptTurn[] {
  const rng = createRng(`showcase/${s.file}`);
  const program = PROGRAMS.find((p) => p.code === s.program)!;
  return buildTranscript({
    rng,
    topic: program.queues.find((q) => q.code === s.queue)!.topic,
    profile: s.profile,
    language: s.language,
    agentFirstName: showcaseAgent(roster, s).firstName,
    companyName: CLIENTS.find((c) => c.code === program.clientCode)!.name,
    customerSurname: rng.pick(LAST_NAMES),
    day: new Date(Date.UTC(2026, 10, 2))
  });
}
