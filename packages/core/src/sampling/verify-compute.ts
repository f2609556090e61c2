import type { DrawnItem } from './draw.ts';
import { nextReplacement } from './draw.ts';

export type StoredItem = {
  id: number;
  callId: number;
  agentId: number;
  rank: string;
  status: 'selected' | 'replaced' | 'replacement';
  replacedBy: number | null;
  replacedAt: number | null;
};
export type VerifyCheck = { name: string; ok: boolean; detail: string };

/**
 * Compares a run as stored with its recomputation: the population hash, the original draw (items
 * selected, or replaced later) and every replacement (each must be the next-ranked unused call of
 * the same agent, in the order they were made).
 */
export function compareRun(o: {
  seed: string;
  storedHash: string;
  storedSize: number;
  recomputedHash: string;
  recomputedSize: number;
  expected: DrawnItem[];
  stored: StoredItem[];
  /** Eligible call ids per agent (for replacements). */
  eligibleByAgent: Map<number, number[]>;
}): { ok: boolean; checks: VerifyCheck[]; missing: number[]; unexpected: number[] } {
  const checks: VerifyCheck[] = [];
  checks.push({
    name: 'population',
    ok: o.storedHash === o.recomputedHash && o.storedSize === o.recomputedSize,
    detail:
      o.storedHash === o.recomputedHash
        ? `${o.recomputedSize} eligible calls, hash ${o.recomputedHash.slice(0, 16)}… matches`
        : `stored ${o.storedSize} calls (hash ${o.storedHash.slice(0, 16)}…), recomputed ${o.recomputedSize} (hash ${o.recomputedHash.slice(0, 16)}…)`
  });
  const original = o.stored.filter((s) => s.status !== 'replacement');
  const exp = new Map(o.expected.map((e) => [e.callId, e]));
  const got = new Map(original.map((s) => [s.callId, s]));
  const missing = [...exp.keys()].filter((id) => !got.has(id)).sort((a, b) => a - b);
  const unexpected = [...got.keys()].filter((id) => !exp.has(id)).sort((a, b) => a - b);
  const rankMismatch = original.filter((s) => exp.has(s.callId) && exp.get(s.callId)!.rank !== s.rank);
  checks.push({
    name: 'draw',
    ok: missing.length === 0 && unexpected.length === 0 && rankMismatch.length === 0,
    detail:
      missing.length + unexpected.length + rankMismatch.length === 0
        ? `${original.length} drawn calls match the recomputed draw`
        : `${missing.length} expected call(s) missing, ${unexpected.length} unexpected, ${rankMismatch.length} with a different rank`
  });
  // Replacements, replayed in the order they were made.
  const used = new Set(original.map((s) => s.callId));
  const byId = new Map(o.stored.map((s) => [s.id, s]));
  const events = o.stored.filter((s) => s.status === 'replaced').sort((a, b) => (a.replacedAt ?? 0) - (b.replacedAt ?? 0) || a.id - b.id);
  const bad: string[] = [];
  for (const ev of events) {
    const rep = ev.replacedBy == null ? null : byId.get(ev.replacedBy);
    const expected = nextReplacement(o.seed, o.eligibleByAgent.get(ev.agentId) ?? [], used);
    if (rep) used.add(rep.callId);
    if (ev.replacedBy != null && (!rep || rep.status !== 'replacement' || rep.agentId !== ev.agentId))
      bad.push(`item ${ev.id}: its replacement item ${ev.replacedBy} is not a replacement of the same agent`);
    else if ((expected?.callId ?? null) !== (rep?.callId ?? null))
      bad.push(
        `item ${ev.id}: replaced by ${rep ? `call ${rep.callId}` : 'nothing'}, expected ${expected ? `call ${expected.callId}` : 'nothing (no call left)'}`
      );
  }
  const replacementCount = o.stored.filter((s) => s.status === 'replacement').length;
  const orphans = o.stored.filter((s) => s.status === 'replacement' && !events.some((e) => e.replacedBy === s.id));
  checks.push({
    name: 'replacements',
    ok: bad.length === 0 && orphans.length === 0,
    detail:
      bad.length + orphans.length === 0
        ? `${replacementCount} replacement(s), each the next-ranked call of the same agent`
        : [...bad, ...orphans.map((d) => `item ${d.id} is a replacement of nothing`)].join('; ')
  });
  return { ok: checks.every((c) => c.ok), checks, missing, unexpected };
}
