import { normalQuantile } from '../stats/distributions.ts';

/**
 * Sample sizes for estimating a proportion (e.g. the share of calls that pass): Cochran's formula
 * n0 = z²·p(1−p)/e², with the finite-population correction n = n0 / (1 + (n0 − 1)/N), and back:
 * the margin e = z·√(p(1−p)/n)·√((N − n)/(N − 1)) that n calls out of N give. p = 0.5 is the worst case.
 */

/** z for a two-sided confidence level (0.95 → 1.96). */
export const zFor = (confidence: number) => normalQuantile(1 - (1 - confidence) / 2);

function check(confidence: number, p: number) {
  if (!(confidence > 0 && confidence < 1)) throw new Error('confidence must be between 0 and 1 (e.g. 0.95)');
  if (!(p > 0 && p < 1)) throw new Error('expected proportion must be between 0 and 1');
}

/** Calls needed for margin ±`margin` (a proportion, 0.05 = 5 points) at `confidence`, out of `population` (null: unlimited). */
export function requiredSampleSize(o: { confidence: number; margin: number; population: number | null; p?: number }): number {
  const p = o.p ?? 0.5;
  check(o.confidence, p);
  if (!(o.margin > 0 && o.margin < 1)) throw new Error('margin must be between 0 and 1 (e.g. 0.05)');
  const z = zFor(o.confidence);
  const n0 = (z * z * p * (1 - p)) / (o.margin * o.margin);
  if (o.population == null) return Math.ceil(n0 - 1e-9);
  if (o.population <= 0) return 0;
  return Math.min(o.population, Math.ceil(n0 / (1 + (n0 - 1) / o.population) - 1e-9));
}

/** The margin (±, as a proportion) that `n` calls out of `population` give at `confidence`; null when n = 0. */
export function marginOfError(o: { confidence: number; n: number; population: number | null; p?: number }): number | null {
  const p = o.p ?? 0.5;
  check(o.confidence, p);
  if (o.n <= 0) return null;
  const z = zFor(o.confidence);
  const fpc = o.population == null ? 1 : o.n >= o.population ? 0 : Math.sqrt((o.population - o.n) / (o.population - 1));
  return z * Math.sqrt((p * (1 - p)) / o.n) * fpc;
}

export type PlannerLevel = {
  level: 'agent' | 'team' | 'program';
  key: string;
  population: number;
  required: number;
  planned: number;
  marginAtPlanned: number | null;
};

/**
 * The planner's answer for a plan: per agent (coaching), per team and for the pooled program (the
 * client's quality figure): calls per period, calls needed for the chosen margin, calls the plan takes,
 * and the margin that gives.
 */
export function planSampleSizes(o: {
  confidence: number;
  margin: number;
  agents: { agentId: number; teamId: number | null; population: number; planned: number }[];
}): { agents: PlannerLevel[]; teams: PlannerLevel[]; program: PlannerLevel } {
  const level = (lvl: PlannerLevel['level'], key: string, population: number, planned: number): PlannerLevel => ({
    level: lvl,
    key,
    population,
    planned,
    required: requiredSampleSize({ confidence: o.confidence, margin: o.margin, population }),
    marginAtPlanned: marginOfError({ confidence: o.confidence, n: planned, population })
  });
  const agents = o.agents.map((a) => level('agent', String(a.agentId), a.population, Math.min(a.planned, a.population)));
  const teams = new Map<string, { population: number; planned: number }>();
  for (const a of o.agents) {
    const k = a.teamId == null ? 'none' : String(a.teamId);
    const t = teams.get(k) ?? { population: 0, planned: 0 };
    t.population += a.population;
    t.planned += Math.min(a.planned, a.population);
    teams.set(k, t);
  }
  const totalPop = o.agents.reduce((s, a) => s + a.population, 0);
  const totalPlanned = o.agents.reduce((s, a) => s + Math.min(a.planned, a.population), 0);
  return {
    agents,
    teams: [...teams.entries()].map(([k, t]) => level('team', k, t.population, t.planned)),
    program: level('program', 'program', totalPop, totalPlanned)
  };
}
