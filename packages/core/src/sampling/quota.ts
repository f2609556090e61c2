import type { PlanDefinition } from './definition.ts';

/** Whether an agent hired on `hireDate` (YYYY-MM-DD) counts as new at a period starting on `periodStartDate`. */
export function isNewAgent(hireDate: string | null, periodStartDate: string, months: number): boolean {
  if (!hireDate) return false;
  const [y, m, d] = periodStartDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const cutoffY = Math.floor(total / 12);
  const cutoffM = (total % 12) + 1;
  // Clamp the day so 31 March minus one month is 28/29 February, not 3 March.
  const lastDay = new Date(Date.UTC(cutoffY, cutoffM, 0)).getUTCDate();
  const cutoff = `${String(cutoffY).padStart(4, '0')}-${String(cutoffM).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return hireDate > cutoff;
}

/**
 * How many calls an agent gets this period: the new-agent quota for agents in their first months,
 * otherwise the share of eligible calls (if set) or the fixed quota; then clamped to [min, max].
 * (Taking fewer because fewer calls are eligible happens in the draw, not here.)
 */
export function agentQuota(q: PlanDefinition['quota'], agent: { isNew: boolean }, eligible: number): number {
  let n: number;
  if (agent.isNew && q.newAgent) n = q.newAgent.perAgent;
  else if (q.percentOfEligible != null) n = Math.ceil((q.percentOfEligible / 100) * eligible - 1e-9);
  else n = q.perAgent;
  if (q.min != null) n = Math.max(n, q.min);
  if (q.max != null) n = Math.min(n, q.max);
  return n;
}
