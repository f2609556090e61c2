/** Who may evaluate sampled calls, with how much open work they already have. */
export type Evaluator = { personId: number; role: 'team_lead' | 'qa_analyst'; teamIds: number[]; open: number };
export type ToAssign = { itemId: number; agentId: number; agentTeamId: number | null };

/**
 * Picks an evaluator per item. own_team: a lead of the agent's team; cross_team: a lead of another
 * team. Either way QA analysts step in where no lead fits. Among candidates the one with the least
 * open work (counting what this call already gave out) wins; ties go to the lower person id. Nobody
 * evaluates their own calls. Items are handled in (agent, item) order so the result is reproducible.
 */
export function chooseEvaluators(items: ToAssign[], evaluators: Evaluator[], mode: 'own_team' | 'cross_team'): Map<number, number | null> {
  const open = new Map(evaluators.map((e) => [e.personId, e.open]));
  const leads = evaluators.filter((e) => e.role === 'team_lead');
  const qa = evaluators.filter((e) => e.role === 'qa_analyst');
  const out = new Map<number, number | null>();
  const pickLeast = (cands: Evaluator[]) =>
    cands.reduce<Evaluator | null>((best, e) => {
      if (!best) return e;
      const d = open.get(e.personId)! - open.get(best.personId)!;
      return d < 0 || (d === 0 && e.personId < best.personId) ? e : best;
    }, null);
  for (const it of [...items].sort((a, b) => a.agentId - b.agentId || a.itemId - b.itemId)) {
    const notSelf = (e: Evaluator) => e.personId !== it.agentId;
    const own = leads.filter((e) => notSelf(e) && it.agentTeamId != null && e.teamIds.includes(it.agentTeamId));
    const other = leads.filter((e) => notSelf(e) && (it.agentTeamId == null || !e.teamIds.includes(it.agentTeamId)));
    const qas = qa.filter(notSelf);
    const order = mode === 'own_team' ? [own, qas] : [other, qas, own];
    let chosen: Evaluator | null = null;
    for (const cands of order) if (!chosen && cands.length) chosen = pickLeast(cands);
    out.set(it.itemId, chosen?.personId ?? null);
    if (chosen) open.set(chosen.personId, open.get(chosen.personId)! + 1);
  }
  return out;
}
