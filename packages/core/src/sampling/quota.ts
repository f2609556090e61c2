// The quota rule itself is shared with the plan editor, which shows it while the admin types.
export { agentQuota, quotaGroups, quotaWarnings, type QuotaGroup } from '@attentive/shared/sampling-quota';

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
