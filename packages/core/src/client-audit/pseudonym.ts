import { createHmac } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { instanceSecret } from '../access/instance-secret.ts';
import type { Ctx } from '../context.ts';
import { clientIdsAudited, hasRole } from '../policy/principal.ts';

/**
 * Agents under a pseudonym for a client's auditors, when the client chose it (`clients.pseudonymise_agents`, a
 * privacy term of the contract): "Agent 7F3A" — the first 16 bits of HMAC-SHA256(instance secret, agent id), so
 * the same agent is the same pseudonym on every screen and every day, and nobody without the instance's secret
 * can go from an id (or a list of ids) to a pseudonym. Applied at the DTO level by each read that names an agent
 * (`agentNamer`), so the rows, the policy and the SQL stay the same for everyone.
 */
export const PSEUDONYM_SECRET = 'agent-pseudonyms';

export function pseudonymOf(secret: string, agentId: number): { name: string; code: string } {
  const tag = createHmac('sha256', secret).update(`agent:${agentId}`).digest('hex').slice(0, 4).toUpperCase();
  return { name: `Agent ${tag}`, code: tag };
}

export type AgentNamer = <A extends { id: number | null; name: string; code?: string }>(agent: A) => A;
const identity: AgentNamer = (a) => a;
const namers = new WeakMap<Ctx, Promise<AgentNamer>>();

/**
 * How this request names agents: unchanged for the contact center's own people (admins, QA analysts, team
 * leads, agents), pseudonymised for a client auditor of a client that chose pseudonyms. One decision per request.
 */
export function agentNamer(ctx: Ctx): Promise<AgentNamer> {
  let namer = namers.get(ctx);
  if (!namer) namers.set(ctx, (namer = decide(ctx)));
  return namer;
}

async function decide(ctx: Ctx): Promise<AgentNamer> {
  const p = ctx.principal;
  const audited = clientIdsAudited(p);
  if (audited.length === 0 || hasRole(p, 'admin') || hasRole(p, 'qa_analyst') || hasRole(p, 'team_lead')) return identity;
  const c = schema.clients;
  const chosen = await ctx.db
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.tenantId, p.tenantId), inArray(c.id, audited), eq(c.pseudonymiseAgents, true)));
  if (chosen.length === 0) return identity;
  const secret = await instanceSecret(ctx.db, PSEUDONYM_SECRET);
  return ((a: { id: number | null; name: string; code?: string }) => {
    if (a.id == null) return a;
    const ps = pseudonymOf(secret, a.id);
    return { ...a, name: ps.name, ...(a.code !== undefined ? { code: ps.code } : {}) };
  }) as AgentNamer;
}

/** Dutch name particles: never replaced on their own ("de", "van" are everyday words). */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', "'t", 'la', 'le', 'du', 'di', 'da', 'el', 'al', 'von']);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const same = (text: string) => text;

/**
 * Free text as this request may read it. Under a pseudonym the agent's name also appears in what people wrote
 * or said: on the call ("u spreekt met Anna"), in an evaluator's comment ("Anna was friendly"), in the reason
 * for a revision. Those become the pseudonym too: the whole name, the surname with its particles, the first
 * name and the last word of the surname, as whole words in any case — over-replacing a word that is also a
 * name ("Bakker", a baker) is the safer mistake. The recording itself cannot be rewritten; a client that needs
 * the voice hidden as well must not get recordings (its contract). Identity when the request sees real names.
 */
export function textAsNamed(named: AgentNamer, agent: { id: number | null; name: string }): (text: string) => string {
  return textAsNamedEach(named, [agent]);
}

/**
 * textAsNamed for text about several agents' calls (a calibration session's notes). One pass over the text, so
 * a pseudonym put in ("Agent 7F3A") is never taken for another agent's name ("Agent Two"); a name part two
 * agents share becomes the first one's pseudonym.
 */
export function textAsNamedEach(named: AgentNamer, agents: { id: number | null; name: string }[]): (text: string) => string {
  const shownFor = new Map<string, string>();
  for (const agent of agents) {
    if (agent.id == null) continue;
    const shown = named({ id: agent.id, name: agent.name }).name;
    if (shown === agent.name) continue;
    for (const part of namePartsOf(agent.name)) if (!shownFor.has(part.toLowerCase())) shownFor.set(part.toLowerCase(), shown);
  }
  if (shownFor.size === 0) return same;
  const parts = [...shownFor.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  // What matched is a name part; should its lower case not be the key (the regex folds case, toLowerCase maps it:
  // they differ for a few letters), it still becomes a pseudonym, never stays.
  const anyShown = shownFor.values().next().value!;
  return (text) => text.replace(re, (m) => shownFor.get(m.toLowerCase()) ?? anyShown);
}

/** The whole name, the surname with its particles, the first name and the last word of the surname; no particle alone. */
function namePartsOf(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return [name.trim(), words.slice(1).join(' '), words[0] ?? '', words[words.length - 1] ?? ''].filter(
    (p) => p.length >= 2 && !PARTICLES.has(p.toLowerCase())
  );
}

/** The transcript as this request may read it: each turn's text through textAsNamed. */
export function transcriptAsNamed<T extends { text: string }>(
  named: AgentNamer,
  agent: { id: number | null; name: string },
  turns: T[]
): T[] {
  return turnsAsNamed(textAsNamed(named, agent), turns);
}

/** Each turn's text through a textAsNamed already made for the call (the same turns when nothing changes). */
export function turnsAsNamed<T extends { text: string }>(asNamed: (text: string) => string, turns: T[]): T[] {
  if (asNamed === same) return turns;
  return turns.map((t) => ({ ...t, text: asNamed(t.text) }));
}
