// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { StoredContractTarget } from '@attentive/db/schema/client-audit';
import { recordSurveyResponse } from '@attentive/core';
import { measureMonths } from '@attentive/core/client-audit/metrics';
import type { ContractReport, ContractReportMonths } from '@attentive/shared/contract-report';
import type { MetricValues } from '@attentive/shared/client-metrics';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { callbackItems, TEST_CONTACT_KEY } from './support/callback-items.ts';
import { publishScorecard } from './support/scorecard.ts';
import { storeMysteryCalls, storeScenario } from './support/mystery-reachability-rows.ts';

/**
 * The monthly contract report against a real database: terms rows as the contracts slice stores them,
 * evaluations with their cached figures (what measureMonths reads), mystery calls and callback responses
 * through their writers. Measured values must equal measureMonths'; verdicts and money are checked against
 * figures computed here by hand.
 */
// Wednesday 2 December 2026, Amsterdam: the current month is December, November is the last full one.
const NOW = new Date('2026-12-02T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Session = Awaited<ReturnType<typeof signInAs>>;
let admin: Session, auditorA: Session, auditorB: Session, lead: Session;
const at = (iso: string) => new Date(iso);

// November: 16 evaluations, none failed; scores 88…96 (mean 92).
const NOV_SCORES = [88, 89, 90, 91, 92, 93, 94, 95, 96, 92, 92, 91, 93, 90, 94, 92];
const FEE = 1_234_567;
const money = (kind: 'amount' | 'percent', bonusPerStep: number, malusPerStep: number) => ({ kind, bonusPerStep, malusPerStep });
const NOV_TARGETS: StoredContractTarget[] = [
  // met: the interval (~90.9–93.1) is above 85; estimate 7 points beyond → 1 + 3 steps of 2, capped at 3 → 3 × €500.
  { metric: 'qa_score', target: 85, step: 2, maxSteps: 3, money: money('amount', 50_000, 50_000) },
  // inconclusive: 16 of 16 free of critical errors, Wilson low ~80.6% < 95 ≤ high 100%.
  { metric: 'critical_error_free_rate', target: 95, step: 1, maxSteps: 5, money: money('amount', 10_000, 10_000) },
  // missed: 1 of 6 mystery calls within 20 s (Wilson high ~56% < 80); 63 points short → capped at 4 steps × 1% of the fee.
  { metric: 'mystery_service_level', target: 80, step: 5, maxSteps: 4, money: money('percent', 100, 100) }
];

async function insertTerms(
  version: number,
  validFrom: string,
  validTo: string | null,
  targets: StoredContractTarget[],
  programId = org.programs.a.id
) {
  await t.db.insert(schema.contractTerms).values({
    tenantId: org.tenantId,
    programId,
    version,
    validFrom,
    validTo,
    monthlyFeeCents: FEE,
    currency: 'EUR',
    targets,
    note: `Amendment ${version}`,
    createdBy: 'test'
  });
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', CONTACT_DATA_KEY: TEST_CONTACT_KEY }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 10, start: at('2026-11-02T09:00:00Z') });
  admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
  auditorA = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] });
  auditorB = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.b.id }] });
  lead = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'team_lead', teamId: org.teams.a.id }] });

  const cardId = await publishScorecard(t.db, org.tenantId, {
    sections: [
      {
        id: 's',
        title: 'Call',
        items: [{ id: 'greet', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' }]
      }
    ]
  });
  const [sv] = await t.db
    .select({ id: schema.scorecardVersions.id })
    .from(schema.scorecardVersions)
    .where(eq(schema.scorecardVersions.scorecardId, cardId));
  const callsA = org.calls.filter((c) => c.programId === org.programs.a.id);
  const callsB = org.calls.filter((c) => c.programId === org.programs.b.id);
  // Submitted evaluations with their cached results (the columns measureMonths aggregates); how scoring fills
  // them is the evaluation verbs' test.
  const evaluation = (call: (typeof callsA)[number], score: number, submittedAt: Date) => ({
    tenantId: org.tenantId,
    callId: call.id,
    agentId: call.agentId,
    programId: call.programId,
    scorecardVersionId: sv!.id,
    evaluatorLabel: 'QA',
    kind: 'sampled' as const,
    status: 'submitted' as const,
    revision: 1,
    answers: {},
    submittedAt,
    overallScore: score,
    friendlyScore: score - 2,
    orientedScore: score + 1,
    complianceScore: 100,
    failed: false,
    criticalFlags: [],
    updatedAt: submittedAt
  });
  await t.db.insert(schema.evaluations).values([
    ...NOV_SCORES.map((s, i) => evaluation(callsA[i]!, s, at(`2026-11-${String(10 + (i % 15)).padStart(2, '0')}T10:00:00Z`))),
    // October (a month of another terms version), and program B (another client) in November.
    evaluation(callsA[16]!, 70, at('2026-10-20T10:00:00Z')),
    evaluation(callsA[17]!, 72, at('2026-10-21T10:00:00Z')),
    evaluation(callsB[0]!, 40, at('2026-11-12T10:00:00Z'))
  ]);

  const scenario = await storeScenario(t.db, org.tenantId, org.programs.a.id, ['Final bill']);
  const v = scenario.versionIds[0]!;
  await storeMysteryCalls(t.db, {
    tenantId: org.tenantId,
    programId: org.programs.a.id,
    shopperId: org.agents.b2.id,
    targetSeconds: 20,
    calls: [12, 45, 60, null, 90, null].map((s, i) => ({
      dialledAt: at(`2026-11-0${3 + i}T09:00:00Z`),
      answerSeconds: s,
      rightAnswerGiven: s == null ? null : true,
      scenarioVersionId: v
    }))
  });

  // Four callback responses on 12 November.
  const made = await callbackItems(t.db, {
    callIds: callsA.slice(0, 4).map((c) => c.id),
    day: '2026-11-12',
    now: at('2026-11-12T07:00:00Z')
  });
  for (const [i, item] of made.items.entries())
    await t.db.transaction(async (tx) => {
      const [row] = await tx.select().from(schema.callbackItems).where(eq(schema.callbackItems.id, item.id));
      await recordSurveyResponse(tx, {
        item: row!,
        templateVersionId: made.templateVersionId,
        answers: { csat: [5, 4, 4, 2][i]!, solved: i !== 3, effort: 5, recommend: [10, 9, 7, 3][i]! },
        channel: 'phone',
        callerId: null,
        language: 'en',
        at: at(`2026-11-12T1${i}:00:00Z`),
        who: { actor: 'test' }
      });
    });

  // Versions: 1 for June–September, 2 for October only, 3 from November on; program B has its own.
  await insertTerms(1, '2026-06', '2026-09', [{ ...NOV_TARGETS[0]!, target: 60 }]);
  await insertTerms(2, '2026-10', '2026-10', [{ ...NOV_TARGETS[0]!, target: 90 }]);
  await insertTerms(3, '2026-11', null, NOV_TARGETS);
  await insertTerms(1, '2026-01', null, NOV_TARGETS, org.programs.b.id);
});
afterAll(() => t.cleanup());

const get = (who: Session | null, path: string) => app.request(path, { headers: who?.headers ?? {} });
const getJson = async <T>(who: Session | null, path: string) => {
  const res = await get(who, path);
  return { status: res.status, body: (await res.json()) as T };
};
const reportPath = (month: string, programId = org.programs.a.id) => `/api/client/programs/${programId}/reports/${month}`;
const scope = () => ({ tenantId: org.tenantId, programIds: [org.programs.a.id], timeZone: 'Europe/Amsterdam' });
/** Any white space (Intl puts no-break spaces in money) as one plain space. */
const spaced = (s: string) => s.replace(/\s+/g, ' ');

describe('GET /api/client/programs/{programId}/reports/{month}', () => {
  let report: ContractReport;
  let measured: MetricValues;
  beforeAll(async () => {
    const r = await getJson<ContractReport>(auditorA, reportPath('2026-11'));
    expect(r.status).toBe(200);
    report = r.body;
    measured = (await measureMonths(t.db, scope(), ['2026-11'])).get('2026-11')!;
  });

  it('names the program, client, month and the terms version in force', () => {
    expect(report.program).toMatchObject({ id: org.programs.a.id, code: 'EN-CARE' });
    expect(report.client).toMatchObject({ id: org.clients.a.id, code: 'ENERGY' });
    expect(report.month).toBe('2026-11');
    expect(report.terms).toEqual({
      version: 3,
      validFrom: '2026-11',
      validTo: null,
      monthlyFeeCents: FEE,
      currency: 'EUR',
      note: 'Amendment 3'
    });
  });

  it('takes every measured value from measureMonths, and every figure of the month is there', () => {
    expect(report.figures).toEqual(measured);
    for (const x of report.targets) expect(x.measured).toEqual(measured[x.metric]);
    // Independently: the QA mean of the 16 scores written above, and 1 of 6 mystery calls within 20 s.
    expect(report.figures.qa_score.n).toBe(16);
    expect(report.figures.qa_score.estimate).toBeCloseTo(NOV_SCORES.reduce((a, b) => a + b, 0) / 16, 9);
    expect(report.figures.mystery_service_level).toMatchObject({ n: 6 });
    expect(report.figures.mystery_service_level.estimate).toBeCloseTo(100 / 6, 9);
    expect(report.figures.csat_mean).toMatchObject({ n: 4, estimate: 3.75 });
    expect(report.methods).toMatchObject({ evaluations: 16, mysteryCalls: 6, surveyResponses: 4, confidence: 0.95 });
  });

  it('judges one target met, one missed, one inconclusive, and the money is exact in cents', () => {
    const by = Object.fromEntries(report.targets.map((x) => [x.metric, x]));
    expect(by.qa_score).toMatchObject({ verdict: 'met', steps: 3, bonusCents: 150_000, malusCents: 0 });
    expect(by.critical_error_free_rate).toMatchObject({ verdict: 'inconclusive', steps: 0, bonusCents: 0, malusCents: 0 });
    // 4 steps × 100 basis points of €12,345.67 = €493.8268 → 49,383 cents (half up).
    expect(by.mystery_service_level).toMatchObject({ verdict: 'missed', steps: 4, bonusCents: 0, malusCents: 49_383 });
    expect(report.counts).toEqual({ met: 1, missed: 1, inconclusive: 1 });
    expect(report.balanceCents).toBe(150_000 - 49_383);
  });

  it('uses the version in force for each month, and a month without terms still has its figures', async () => {
    const version = async (m: string) => (await getJson<ContractReport>(admin, reportPath(m))).body.terms?.version ?? null;
    expect(await version('2026-09')).toBe(1);
    expect(await version('2026-10')).toBe(2);
    expect(await version('2026-12')).toBe(3);
    const may = await getJson<ContractReport>(admin, reportPath('2026-05'));
    expect(may.body).toMatchObject({ terms: null, targets: [], balanceCents: 0, counts: { met: 0, missed: 0, inconclusive: 0 } });
    const oct = await getJson<ContractReport>(admin, reportPath('2026-10'));
    expect(oct.body.figures.qa_score).toMatchObject({ n: 2, estimate: 71 });
    // Version 2's target of 90 against 70 and 72: missed.
    expect(oct.body.targets.map((x) => x.verdict)).toEqual(['missed']);
  });

  it('refuses a future month, a month that is not one, and ids that are not ids', async () => {
    for (const m of ['2027-01', '2026-13', '2026-1', 'x', '2026-00']) {
      const r = await getJson<{ error: { code: string; message: string } }>(admin, reportPath(m));
      expect(r.status, m).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION');
      expect(r.body.error.message).toMatch(/month/);
    }
    for (const id of ['0x10', '%201', '1e3', '0', '-1'])
      expect((await get(admin, `/api/client/programs/${id}/reports/2026-11`)).status, id).toBe(400);
    expect((await get(admin, reportPath('2026-11', 999_999))).status).toBe(404);
  });
});

describe('the month list', () => {
  it('lists the months with figures or terms, newest first, with verdict counts', async () => {
    const r = await getJson<ContractReportMonths>(auditorA, `/api/client/programs/${org.programs.a.id}/reports`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i) => i.month)).toEqual(['2026-12', '2026-11', '2026-10', '2026-09', '2026-08', '2026-07', '2026-06']);
    expect(r.body.items[1]).toEqual({
      month: '2026-11',
      termsVersion: 3,
      counts: { met: 1, missed: 1, inconclusive: 1 },
      balanceCents: 100_617,
      currency: 'EUR',
      evaluations: 16
    });
    expect(r.body.items[2]).toMatchObject({ month: '2026-10', termsVersion: 2, counts: { met: 0, missed: 1, inconclusive: 0 } });
    // June: terms without any figure: every target inconclusive.
    expect(r.body.items.at(-1)).toMatchObject({
      month: '2026-06',
      termsVersion: 1,
      counts: { met: 0, missed: 0, inconclusive: 1 },
      evaluations: 0
    });
  });
});

describe('CSV and PDF', () => {
  it('the CSV has the report lines and one row per target with the same numbers, money in cents and decimals', async () => {
    const res = await get(auditorA, `${reportPath('2026-11')}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="contract-report-EN-CARE-2026-11.csv"');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toContain('month,2026-11');
    expect(lines).toContain('terms_version,3');
    expect(lines).toContain('balance_cents,100617,1006.17');
    const header = lines.indexOf('metric,unit,target,measured,low,high,n,verdict,steps,bonus_cents,malus_cents,bonus,malus');
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1).map((l) => l.split(','));
    const json = (await getJson<ContractReport>(auditorA, reportPath('2026-11'))).body;
    expect(rows).toHaveLength(3);
    for (const [i, x] of json.targets.entries()) {
      const r = rows[i]!;
      expect(r[0]).toBe(x.metric);
      expect(Number(r[3])).toBeCloseTo(x.measured.estimate!, 2);
      expect(Number(r[4])).toBeCloseTo(x.measured.low!, 2);
      expect(Number(r[5])).toBeCloseTo(x.measured.high!, 2);
      expect([r[6], r[7], r[8], r[9], r[10]]).toEqual([
        String(x.measured.n),
        x.verdict,
        String(x.steps),
        String(x.bonusCents),
        String(x.malusCents)
      ]);
    }
    expect(rows[2]!.slice(11)).toEqual(['0.00', '493.83']);
  });

  for (const [lang, words] of [
    ['en', { version: 'version 3', met: 'met', missed: 'missed', inconclusive: 'inconclusive', tag: 'en-GB', balance: '+€1,006.17' }],
    ['nl', { version: 'versie 3', met: 'gehaald', missed: 'niet gehaald', inconclusive: 'onbeslist', tag: 'nl-NL', balance: '+€ 1.006,17' }]
  ] as const)
    it(`the PDF (${lang}) is a PDF whose text has the program, month, terms version, each measured value and verdict`, async () => {
      const res = await get(auditorA, `${reportPath('2026-11')}.pdf?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="contract-report-EN-CARE-2026-11-${lang}.pdf"`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      const text = spaced((await extractText(bytes, { mergePages: true })).text);
      const json = (await getJson<ContractReport>(auditorA, reportPath('2026-11'))).body;
      expect(text).toContain('Energy customer care');
      expect(text).toContain('2026-11');
      expect(text).toContain(words.version);
      expect(text).toContain(spaced(words.balance));
      const one = new Intl.NumberFormat(words.tag, { maximumFractionDigits: 1 });
      for (const x of json.targets) {
        const value = one.format(x.measured.estimate!) + (x.unit === 'percent' ? '%' : '');
        expect(text, x.metric).toContain(value);
      }
      expect(text).toContain(` ${words.met} `);
      expect(text).toContain(words.missed);
      expect(text).toContain(words.inconclusive);
    });

  it('a bad language is a 400', async () => {
    expect((await get(auditorA, `${reportPath('2026-11')}.pdf?lang=de`)).status).toBe(400);
  });
});

describe('who may read', () => {
  const paths = (programId: number) => [
    `/api/client/programs/${programId}/reports`,
    reportPath('2026-11', programId),
    `${reportPath('2026-11', programId)}.csv`,
    `${reportPath('2026-11', programId)}.pdf?lang=en`
  ];
  it("another client's auditor gets 404 on all four, the client's own auditor and admins 200", async () => {
    for (const p of paths(org.programs.a.id)) {
      expect((await get(auditorB, p)).status, p).toBe(404);
      expect((await get(auditorA, p)).status, p).toBe(200);
      expect((await get(admin, p)).status, p).toBe(200);
    }
    for (const p of paths(org.programs.b.id)) expect((await get(auditorA, p)).status, p).toBe(404);
  });
  it('a team lead (no portal) gets 403, an anonymous caller 401', async () => {
    for (const p of paths(org.programs.a.id)) {
      expect((await get(lead, p)).status, p).toBe(403);
      expect((await get(null, p)).status, p).toBe(401);
    }
  });
  it('bad months on the files are 400, never 500', async () => {
    for (const m of ['2026-13', 'x', '2027-01'])
      for (const ext of ['csv', 'pdf']) expect((await get(auditorA, `${reportPath(m)}.${ext}`)).status, `${m}.${ext}`).toBe(400);
    for (const id of ['0x10', '1e3']) expect((await get(auditorA, `/api/client/programs/${id}/reports/2026-11.csv`)).status).toBe(400);
  });
});
