/**
 * Scoring benchmark (issue 4): 100,000 evaluations' answer sets, generated in-process on the demo
 * scorecard, scored through THE formula (computeScore), then the per-dimension aggregate per agent with
 * 95% t intervals and the per-agent critical-failure rate with Wilson intervals, from the one stats module.
 * Run: pnpm --filter @attentive/bench exec tsx scoring.bench.ts [evaluations] [agents]
 */
import { performance } from 'node:perf_hooks';
import { DIMENSIONS, type Dimension } from '@attentive/shared';
import { ScorecardDefinition, type AnswerValue } from '@attentive/shared/scorecard';
import { demoScorecardV2 } from '@attentive/db/demo/scorecards';
import { computeScore, MeanAccumulator, mulberry32, validateAnswers, wilsonInterval, type Estimate } from '@attentive/core';
import { answerSetsOf } from './answer-sets.ts';

const N = Number(process.argv[2] ?? 100_000);
const AGENTS = Number(process.argv[3] ?? 500);
const def = ScorecardDefinition.parse(demoScorecardV2);

const rnd = mulberry32(20261123);
const answerSet = answerSetsOf(def, AGENTS, rnd, { nearMax: true });

/** Wall time and this process's CPU time (user + system) of a phase: the machine is shared, CPU time is the steadier figure. */
function timed<T>(fn: () => T): { result: T; wallMs: number; cpuMs: number } {
  const c = process.cpuUsage();
  const w = performance.now();
  const result = fn();
  const wallMs = performance.now() - w;
  const d = process.cpuUsage(c);
  return { result, wallMs, cpuMs: (d.user + d.system) / 1000 };
}

const t0 = performance.now();
const agentOf = new Int32Array(N);
const sets: Record<string, AnswerValue>[] = new Array(N);
for (let i = 0; i < N; i++) {
  agentOf[i] = Math.floor(rnd() * AGENTS);
  sets[i] = answerSet(agentOf[i]!);
}
const tGen = performance.now() - t0;

const validate = timed(() => {
  for (let i = 0; i < N; i++) validateAnswers(def, sets[i]!, { requireComplete: true });
});

const overall = new Float64Array(N);
const dims: Record<Dimension, Float64Array> = {
  customer_friendly: new Float64Array(N),
  customer_oriented: new Float64Array(N),
  compliance: new Float64Array(N)
};
const failed = new Uint8Array(N);
const score = timed(() => {
  for (let i = 0; i < N; i++) {
    const r = computeScore(def, sets[i]!);
    overall[i] = r.score ?? NaN;
    for (const d of DIMENSIONS) dims[d][i] = r.dimensions[d].score ?? NaN;
    failed[i] = r.failed ? 1 : 0;
  }
});

type AgentAgg = Record<Dimension | 'overall', MeanAccumulator> & {
  failed: number;
  n: number;
};
const agg = timed(() => {
  const perAgent: AgentAgg[] = Array.from({ length: AGENTS }, () => ({
    overall: new MeanAccumulator(),
    customer_friendly: new MeanAccumulator(),
    customer_oriented: new MeanAccumulator(),
    compliance: new MeanAccumulator(),
    failed: 0,
    n: 0
  }));
  for (let i = 0; i < N; i++) {
    const a = perAgent[agentOf[i]!]!;
    a.n++;
    a.failed += failed[i]!;
    if (!Number.isNaN(overall[i]!)) a.overall.add(overall[i]!);
    for (const d of DIMENSIONS) if (!Number.isNaN(dims[d][i]!)) a[d].add(dims[d][i]!);
  }
  const report = perAgent.map((a) => ({
    n: a.n,
    overall: a.overall.interval({ bounds: [0, 100] }),
    customer_friendly: a.customer_friendly.interval({ bounds: [0, 100] }),
    customer_oriented: a.customer_oriented.interval({ bounds: [0, 100] }),
    compliance: a.compliance.interval({ bounds: [0, 100] }),
    failRate: wilsonInterval(a.failed, a.n)
  }));
  return report;
});
const report = agg.result;

const fmt = (e: Estimate, k = 1) =>
  e.estimate == null ? '—' : `${(e.estimate * k).toFixed(1)} [${(e.low! * k).toFixed(1)}, ${(e.high! * k).toFixed(1)}] n=${e.n}`;
const perSec = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString('en');
const line = (label: string, t: { wallMs: number; cpuMs: number }, extra = '') =>
  console.log(
    `${label.padEnd(26)}${t.wallMs.toFixed(0).padStart(7)} ms wall ${perSec(t.wallMs).padStart(11)}/s · ${t.cpuMs.toFixed(0).padStart(6)} ms CPU ${perSec(t.cpuMs).padStart(11)}/s${extra}`
  );
console.log(
  `scorecard: demo v2, ${def.sections.reduce((n, s) => n + s.items.length, 0)} items; ${N.toLocaleString('en')} evaluations over ${AGENTS} agents (Node ${process.version})`
);
console.log(`generate answer sets      ${tGen.toFixed(0).padStart(7)} ms  (not part of the figures)`);
line('validateAnswers (submit)', validate);
line('computeScore (re-score)', score);
line('per-agent × dim aggregate', agg, `  (${AGENTS} agents × 4 means with t intervals + Wilson fail rate)`);
console.log(
  `load average during the run: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} cores`
);
console.log(
  `example agent 0: overall ${fmt(report[0]!.overall)} · friendly ${fmt(report[0]!.customer_friendly)} · oriented ${fmt(report[0]!.customer_oriented)} · fail rate % ${fmt(report[0]!.failRate, 100)}`
);
console.log(
  JSON.stringify({
    bench: 'scoring',
    evaluations: N,
    agents: AGENTS,
    scorePerSecWall: Math.round(N / (score.wallMs / 1000)),
    scorePerSecCpu: Math.round(N / (score.cpuMs / 1000)),
    validatePerSecCpu: Math.round(N / (validate.cpuMs / 1000)),
    aggregateMsCpu: Math.round(agg.cpuMs)
  })
);
