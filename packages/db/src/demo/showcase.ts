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
