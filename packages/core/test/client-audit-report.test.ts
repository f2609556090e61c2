import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { StoredContractTarget } from '@attentive/db/schema/client-audit';
import {
  CLIENT_METRICS,
  CONTRACTABLE_METRICS,
  METRIC_INFO,
  type ClientMetricId,
  type MetricValues
} from '@attentive/shared/client-metrics';
import { termsInForce } from '../src/client-audit/report/terms-in-force.ts';
import { reportTargets } from '../src/client-audit/report/report-targets.ts';
import { centsDecimal, contractReportCsvRows } from '../src/client-audit/report/contract-report-csv.ts';

/** The report's own rules: which terms version a month uses, the targets' bookkeeping, exact money in the CSV. */

describe('termsInForce', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let org: FixtureOrg;
  beforeAll(async () => {
    t = await createTestDb();
    org = await createFixtureOrg(t.db, { callsPerAgent: 0 });
    const row = (programId: number, version: number, validFrom: string, validTo: string | null) => ({
      tenantId: org.tenantId,
      programId,
      version,
      validFrom,
      validTo,
      monthlyFeeCents: 100_000,
      targets: [],
      createdBy: 'test'
    });
    // Program a: v1 Jan–Mar, a gap in April, v2 May–May, v3 from June on; program b: one open version from 2025.
    await t.db
      .insert(schema.contractTerms)
      .values([
        row(org.programs.a.id, 1, '2026-01', '2026-03'),
        row(org.programs.a.id, 2, '2026-05', '2026-05'),
        row(org.programs.a.id, 3, '2026-06', null),
        row(org.programs.b.id, 1, '2025-01', null)
      ]);
  });
  afterAll(() => t.cleanup());

  const version = async (month: string, programId = org.programs.a.id) =>
    (await termsInForce(t.db, { tenantId: org.tenantId, programId, month }))?.version ?? null;

  it('finds the version whose [from, to] holds the month, on its edges too, and none in gaps', async () => {
    expect(await version('2025-12')).toBe(null);
    expect(await version('2026-01')).toBe(1);
    expect(await version('2026-03')).toBe(1);
    expect(await version('2026-04')).toBe(null);
    expect(await version('2026-05')).toBe(2);
    expect(await version('2026-06')).toBe(3);
    expect(await version('2031-12')).toBe(3);
  });

  it("never answers with another program's or tenant's terms", async () => {
    expect(await version('2025-06', org.programs.b.id)).toBe(1);
    expect(await version('2025-06')).toBe(null);
    expect(await termsInForce(t.db, { tenantId: org.tenantId + 1000, programId: org.programs.a.id, month: '2026-06' })).toBe(null);
  });
});

const estimate = (e: number | null, low: number | null, high: number | null, n = 10) => ({ n, estimate: e, low, high });
const emptyFigures = () => Object.fromEntries(CLIENT_METRICS.map((m) => [m, estimate(null, null, null, 0)])) as MetricValues;

const target = (metric: ClientMetricId, value: number): StoredContractTarget => ({
  metric,
  target: value,
  step: 1,
  maxSteps: 5,
  money: { kind: 'amount', bonusPerStep: 1_000, malusPerStep: 700 }
});

describe('reportTargets', () => {
  it('counts each verdict once and the balance is the bonuses minus the maluses, in whole cents', () => {
    const metric = fc.constantFrom(...CONTRACTABLE_METRICS);
    const point = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);
    fc.assert(
      fc.property(fc.array(fc.tuple(metric, point, point, point), { maxLength: 8 }), fc.integer({ min: 0, max: 10 ** 9 }), (rows, fee) => {
        const figures = emptyFigures();
        const targets: StoredContractTarget[] = [];
        for (const [m, a, b, tv] of rows) {
          const [low, high] = a <= b ? [a, b] : [b, a];
          figures[m] = estimate((low + high) / 2, low, high);
          targets.push(target(m, tv));
        }
        const r = reportTargets({ targets, monthlyFeeCents: fee }, figures);
        expect(r.counts.met + r.counts.missed + r.counts.inconclusive).toBe(targets.length);
        expect(r.balanceCents).toBe(r.targets.reduce((s, x) => s + x.bonusCents - x.malusCents, 0));
        for (const x of r.targets) {
          expect(Number.isInteger(x.bonusCents) && Number.isInteger(x.malusCents)).toBe(true);
          expect(x.unit).toBe(METRIC_INFO[x.metric].unit);
          if (x.verdict === 'inconclusive') expect([x.steps, x.bonusCents, x.malusCents]).toEqual([0, 0, 0]);
          if (x.verdict === 'met') expect(x.malusCents).toBe(0);
          if (x.verdict === 'missed') expect(x.bonusCents).toBe(0);
        }
      })
    );
  });

  it('a target without a measurement is inconclusive and moves nothing; no terms: no targets', () => {
    const r = reportTargets({ targets: [target('nps', 20)], monthlyFeeCents: 5_000 }, emptyFigures());
    expect(r.targets[0]).toMatchObject({ verdict: 'inconclusive', steps: 0, bonusCents: 0, malusCents: 0 });
    expect(reportTargets(null, emptyFigures())).toEqual({ targets: [], counts: { met: 0, missed: 0, inconclusive: 0 }, balanceCents: 0 });
  });

  it('a ceiling metric is met when the whole interval is at or below the target', () => {
    const figures = emptyFigures();
    figures.mystery_never_reached_rate = estimate(5, 2, 10);
    const r = reportTargets({ targets: [target('mystery_never_reached_rate', 10)], monthlyFeeCents: 0 }, figures);
    expect(r.targets[0]).toMatchObject({ verdict: 'met', higherIsBetter: false, steps: 5, bonusCents: 5_000 });
  });
});

describe('the CSV money columns', () => {
  it('centsDecimal is exact for every whole number of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const s = centsDecimal(cents);
        expect(s).toMatch(/^-?\d+\.\d{2}$/);
        expect(BigInt(s.replace('.', ''))).toBe(BigInt(cents));
      })
    );
    expect(centsDecimal(-5)).toBe('-0.05');
    expect(centsDecimal(135_000)).toBe('1350.00');
  });

  it('writes the header block, then one row per target', () => {
    const figures = emptyFigures();
    figures.qa_score = estimate(91.234, 90, 92.5, 16);
    const t = reportTargets({ targets: [{ ...target('qa_score', 85), step: 2 }], monthlyFeeCents: 0 }, figures);
    const rows = contractReportCsvRows({
      program: { id: 1, code: 'EN-CARE', name: 'Care' },
      client: { id: 1, code: 'ENERGY', name: 'Energy' },
      month: '2026-11',
      timeZone: 'Europe/Amsterdam',
      generatedAt: '2026-12-02T10:00:00.000Z',
      terms: { version: 2, validFrom: '2026-11', validTo: null, monthlyFeeCents: 0, currency: 'EUR', note: '' },
      ...t,
      methods: {
        evaluations: 16,
        mysteryCalls: 0,
        surveyResponses: 0,
        sampling: [],
        confidence: 0.95,
        intervals: { points: 't', percent: 'wilson', scale: 't', nps: 'adjusted_wald' }
      },
      figures
    });
    expect(rows).toContainEqual(['terms_version', '2']);
    expect(rows.at(-1)).toEqual(['qa_score', 'points', '85', '91.23', '90', '92.5', '16', 'met', '4', '4000', '0', '40.00', '0.00']);
  });
});
