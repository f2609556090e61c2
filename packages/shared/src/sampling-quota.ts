/**
 * The quota rule of a sampling plan, in one place for the draw (packages/core/src/sampling), the
 * plan preview and the plan editor, which shows it while the admin types.
 */
export type QuotaRule = {
  perAgent: number;
  percentOfEligible: number | null;
  newAgent: { months: number; perAgent: number } | null;
  min: number | null;
  max: number | null;
};

const clamp = (q: QuotaRule, n: number) => {
  if (q.min != null) n = Math.max(n, q.min);
  if (q.max != null) n = Math.min(n, q.max);
  return n;
};

/**
 * How many calls an agent gets this period: the new-agent quota for agents in their first months,
 * otherwise the share of eligible calls (if set) or the fixed quota; then clamped to [min, max].
 * (Taking fewer because fewer calls are eligible happens in the draw, not here.)
 */
export function agentQuota(q: QuotaRule, agent: { isNew: boolean }, eligible: number): number {
  if (agent.isNew && q.newAgent) return clamp(q, q.newAgent.perAgent);
  if (q.percentOfEligible != null) return clamp(q, Math.ceil((q.percentOfEligible / 100) * eligible - 1e-9));
  return clamp(q, q.perAgent);
}

/** A group of agents and what each of them gets; `quota` is null when it depends on the agent's eligible calls. */
export type QuotaGroup = { group: 'new' | 'other'; label: string; quota: number | null; rule: string };

const calls = (n: number) => `${n} call${n === 1 ? '' : 's'}`;
const bounds = (q: QuotaRule) =>
  q.min != null && q.max != null
    ? `, at least ${q.min} and at most ${q.max}`
    : q.min != null
      ? `, at least ${q.min}`
      : q.max != null
        ? `, at most ${q.max}`
        : '';

/** The effective quota per group of agents (new agents, the others), after the minimum and maximum. */
export function quotaGroups(q: QuotaRule): QuotaGroup[] {
  const groups: QuotaGroup[] = [];
  if (q.newAgent) {
    const n = clamp(q, q.newAgent.perAgent);
    const months = `${q.newAgent.months} month${q.newAgent.months === 1 ? '' : 's'}`;
    groups.push({ group: 'new', label: `Agents in their first ${months}`, quota: n, rule: `${calls(n)} per period` });
  }
  const label = q.newAgent ? 'Other agents' : 'Every agent';
  if (q.percentOfEligible != null)
    groups.push({ group: 'other', label, quota: null, rule: `${q.percentOfEligible}% of its eligible calls${bounds(q)}` });
  else {
    const n = clamp(q, q.perAgent);
    groups.push({ group: 'other', label, quota: n, rule: `${calls(n)} per period` });
  }
  return groups;
}

/** How many times the general quota a special quota may be before we ask whether it was meant. */
export const NEW_AGENT_RATIO_LIMIT = 2;

/**
 * Warnings, in words, where a special quota is probably not what the admin meant: new agents get more
 * than twice the others (e.g. 8 left over after the general quota went from 4 to 1), fewer than the
 * others, or the maximum cuts their quota.
 */
export function quotaWarnings(q: QuotaRule): string[] {
  if (!q.newAgent) return [];
  const out: string[] = [];
  const months = `${q.newAgent.months} month${q.newAgent.months === 1 ? '' : 's'}`;
  if (q.max != null && q.newAgent.perAgent > q.max)
    out.push(`The maximum of ${q.max} cuts the new-agent quota of ${q.newAgent.perAgent} to ${q.max}.`);
  if (q.percentOfEligible != null) return out;
  const special = clamp(q, q.newAgent.perAgent);
  const general = clamp(q, q.perAgent);
  if (special > general * NEW_AGENT_RATIO_LIMIT) {
    const times =
      general === 0
        ? 'while every other agent gets none'
        : `${Number((special / general).toFixed(1))} times the ${calls(general)} every other agent gets`;
    out.push(
      `Agents in their first ${months} get ${calls(special)} per period, ${times}. Is that what you meant? Change "… get calls" under "More calls for new agents" if not.`
    );
  } else if (special < general) {
    out.push(
      `Agents in their first ${months} get fewer calls (${special}) than the other agents (${general}), although the setting is "more calls for new agents".`
    );
  }
  return out;
}
