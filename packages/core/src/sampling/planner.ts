/**
 * Sample sizes for estimating a proportion (e.g. the share of calls that pass): Cochran's formula
 * n0 = z²·p(1−p)/e², with the finite-population correction n = n0 / (1 + (n0 − 1)/N), and back:
 * the margin e = z·√(p(1−p)/n)·√((N − n)/(N − 1)) that n calls out of N give. p = 0.5 is the worst case.
 */

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error('probability must be strictly between 0 and 1');
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

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

export type PlannerLevel = { level: 'agent' | 'team' | 'program'; key: string; population: number; required: number; planned: number; marginAtPlanned: number | null };

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
