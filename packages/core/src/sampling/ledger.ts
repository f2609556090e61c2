/** One line of the fairness ledger: what happened to one agent's calls in a run. */
export type LedgerRow = {
  agentId: number;
  eligible: number;
  quota: number;
  /** Calls taken by the original draw (including those later replaced). */
  drawn: number;
  replaced: number;
  replacements: number;
  /** Calls that stand: drawn − replaced + replacements. */
  standing: number;
  reasons: string[];
  /** Fewer eligible calls than the quota: all were taken. */
  short: boolean;
};

export function fairnessLedger(
  agents: { agentId: number; eligible: number; quota: number }[],
  items: { agentId: number; status: 'selected' | 'replaced' | 'replacement'; reason: string | null }[]
): LedgerRow[] {
  const rows = new Map<number, LedgerRow>();
  for (const a of agents)
    rows.set(a.agentId, {
      agentId: a.agentId,
      eligible: a.eligible,
      quota: a.quota,
      drawn: 0,
      replaced: 0,
      replacements: 0,
      standing: 0,
      reasons: [],
      short: a.eligible < a.quota
    });
  for (const it of items) {
    let row = rows.get(it.agentId);
    if (!row)
      rows.set(
        it.agentId,
        (row = {
          agentId: it.agentId,
          eligible: 0,
          quota: 0,
          drawn: 0,
          replaced: 0,
          replacements: 0,
          standing: 0,
          reasons: [],
          short: false
        })
      );
    if (it.status === 'replacement') row.replacements++;
    else row.drawn++;
    if (it.status === 'replaced') {
      row.replaced++;
      if (it.reason) row.reasons.push(it.reason);
    }
  }
  for (const r of rows.values()) r.standing = r.drawn - r.replaced + r.replacements;
  return [...rows.values()].sort((a, b) => a.agentId - b.agentId);
}
