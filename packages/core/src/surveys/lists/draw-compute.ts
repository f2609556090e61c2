import { populationHashOfSorted } from '../../sampling/population-hash.ts';
import { ranker } from '../../sampling/rank.ts';
import { rankPrefixes } from '../../sampling/rank-batch.ts';
import { CALLBACK_EXCLUSIONS, type CallbackExclusion, type CallbackRules } from '@attentive/shared/surveys-lists';

/**
 * The daily callback draw, pure: which of a program's recent calls may be asked (eligibility), and which of
 * those are drawn. It is call sampling's verifiable draw with purpose "callback": rank = HMAC-SHA256(seed,
 * call id) (sampling/rank.ts), population hash = sha256 of the sorted eligible ids (sampling/population-hash.ts),
 * the lowest ranks taken — one call per customer, so no one is phoned twice from one list.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

// Why a call in the window is left out (in the order they are checked) and the rules of a draw: shared with
// the API contract and the draw's stored snapshot.
export { CALLBACK_EXCLUSIONS, type CallbackExclusion, type CallbackRules } from '@attentive/shared/surveys-lists';

/** A call as the draw sees it, with its customer's contact row (null: the import brought no contact details). */
export type CallbackCandidate = {
  callId: number;
  agentId: number;
  startedAt: number;
  contact: {
    id: number;
    hasPhone: boolean;
    hasEmail: boolean;
    optedOutAt: number | null;
    erasedAt: number | null;
    /** When this customer was last drawn into a callback list (any program), null if never. */
    lastDrawnAt: number | null;
  } | null;
  /** The call already has a callback item (an earlier day's window overlapped this one). */
  alreadyDrawn: boolean;
};

/** Calls started in [start, end) are in the draw: between delayMaxHours and delayMinHours before the draw. */
export function drawWindow(at: number, rules: Pick<CallbackRules, 'delayMinHours' | 'delayMaxHours'>): { start: number; end: number } {
  return { start: at - rules.delayMaxHours * HOUR, end: at - rules.delayMinHours * HOUR };
}

/**
 * Why a call may not be asked, or null when it may. No contact: no contact row, details erased, or none for
 * the channel (a phone call needs a phone number; a link goes by e-mail, or by SMS to the phone number).
 * Recently surveyed: the customer was drawn within `quietDays` days before the draw.
 */
export function exclusionOf(
  c: CallbackCandidate,
  rules: Pick<CallbackRules, 'channel' | 'quietDays'>,
  at: number
): CallbackExclusion | null {
  if (c.alreadyDrawn) return 'alreadyDrawn';
  const k = c.contact;
  if (k?.optedOutAt != null && k.optedOutAt <= at) return 'optedOut';
  if (!k || (k.erasedAt != null && k.erasedAt <= at) || !(rules.channel === 'phone' ? k.hasPhone : k.hasPhone || k.hasEmail))
    return 'noContact';
  if (k.lastDrawnAt != null && k.lastDrawnAt > at - rules.quietDays * DAY) return 'recentlySurveyed';
  return null;
}

export type DrawnCallback = { callId: number; agentId: number; contactId: number; rank: string };

/**
 * From eligible calls (ids unique), the `count` lowest-ranked, skipping a call whose customer already has a
 * lower-ranked one. Ties on the 48-bit prefix are broken by the full rank, then the id. Returned in rank order.
 */
export function selectCallbacks(
  seed: string,
  eligible: readonly { callId: number; agentId: number; contactId: number }[],
  count: number
): DrawnCallback[] {
  const prefixes = rankPrefixes(
    seed,
    eligible.map((e) => e.callId)
  );
  const r = ranker(seed);
  const order = eligible.map((_, i) => i);
  order.sort((a, b) => {
    const d = prefixes[a]! - prefixes[b]!;
    if (d !== 0) return d;
    const ha = r.hex(eligible[a]!.callId);
    const hb = r.hex(eligible[b]!.callId);
    return ha < hb ? -1 : ha > hb ? 1 : eligible[a]!.callId - eligible[b]!.callId;
  });
  const out: DrawnCallback[] = [];
  const asked = new Set<number>();
  for (const i of order) {
    if (out.length >= count) break;
    const e = eligible[i]!;
    if (asked.has(e.contactId)) continue;
    asked.add(e.contactId);
    out.push({ ...e, rank: r.hex(e.callId) });
  }
  return out;
}

export type CallbackDrawResult = {
  window: { start: number; end: number };
  /** The eligible call ids, ascending: what the population hash is taken of. */
  population: number[];
  populationHash: string;
  /** Calls in the window left out, by reason: counts and ids (ascending). */
  excluded: Record<CallbackExclusion, number>;
  excludedIds: Record<CallbackExclusion, number[]>;
  items: DrawnCallback[];
};

/**
 * The whole daily draw at time `at`: calls outside the window are ignored, those inside are either excluded
 * (with their reason) or form the population, from which `dailyCount` customers are drawn.
 */
export function computeCallbackDraw(o: {
  seed: string;
  at: number;
  rules: CallbackRules;
  calls: readonly CallbackCandidate[];
}): CallbackDrawResult {
  const window = drawWindow(o.at, o.rules);
  const excludedIds = Object.fromEntries(CALLBACK_EXCLUSIONS.map((k) => [k, [] as number[]])) as Record<CallbackExclusion, number[]>;
  const eligible: { callId: number; agentId: number; contactId: number }[] = [];
  const seen = new Set<number>();
  for (const c of o.calls) {
    if (c.startedAt < window.start || c.startedAt >= window.end) continue;
    if (seen.has(c.callId)) throw new Error(`call ${c.callId} appears twice among the candidates`);
    seen.add(c.callId);
    const why = exclusionOf(c, o.rules, o.at);
    if (why) excludedIds[why].push(c.callId);
    else eligible.push({ callId: c.callId, agentId: c.agentId, contactId: c.contact!.id });
  }
  for (const k of CALLBACK_EXCLUSIONS) excludedIds[k].sort((a, b) => a - b);
  const sorted = Float64Array.from(eligible, (e) => e.callId).sort();
  return {
    window,
    population: Array.from(sorted),
    populationHash: populationHashOfSorted(sorted),
    excluded: Object.fromEntries(CALLBACK_EXCLUSIONS.map((k) => [k, excludedIds[k].length])) as Record<CallbackExclusion, number>,
    excludedIds,
    items: selectCallbacks(o.seed, eligible, o.rules.dailyCount)
  };
}
