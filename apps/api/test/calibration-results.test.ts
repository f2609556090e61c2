// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { Grant } from '@attentive/core';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import type { CalibrationResults, EvaluatorDrift } from '@attentive/shared/calibration-results';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { publishScorecard } from './support/scorecard.ts';
import { calibrationSession, type FixtureParticipant } from './support/calibration-session.ts';

/**
 * The results slice of calibration (docs/calibration-results.md): answers side by side after the reveal, the agreed
 * answers, agreement and each evaluator's deviation (checked against a hand-computed example), and drift.
 */
const DEFINITION: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'call',
      title: 'The call',
      items: [
        { id: 'greet', text: 'Greets the customer', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_friendly' },
        { id: 'empathy', text: 'Shows empathy', answer: { type: 'scale', min: 1, max: 5 }, weight: 2, dimension: 'customer_friendly' },
        {
          id: 'resolve',
          text: 'Resolves the question',
          answer: {
            type: 'choice',
            options: [
              { key: 'full', label: 'Fully', points: 2 },
              { key: 'partial', label: 'Partly', points: 1 },
              { key: 'none', label: 'Not', points: 0 }
            ]
          },
          weight: 4,
          naAllowed: true,
          dimension: 'customer_oriented'
        }
      ]
    }
  ]
};

const clock = new Date('2026-11-20T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let other: FixtureOrg;
type Who = 'qa' | 'admin' | 'leadA' | 'leadB' | 'agentA1' | 'auditorA' | 'auditorB';
const u = {} as Record<Who, H>;
const person = {} as Record<Who, FixtureParticipant>;
const { req, get } = jsonRequests(() => app);

let revealed: number;
let sealed: number;
let c1: number;
let c2: number;

const P1 = { greet: 'yes', empathy: 5, resolve: 'full' };
const P1b = { greet: 'no', empathy: 3, resolve: 'partial' };
const AGREED_1 = { greet: 'yes', empathy: 4, resolve: 'full' };
const AGREED_2 = { greet: 'no', empathy: 3, resolve: 'partial' };

const consensusBody = (answers: Record<string, string | number>) => ({
  items: Object.entries(answers).map(([itemId, answer]) => ({ itemId, answer, basis: 'consensus', note: '' }))
});

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
  org = await createFixtureOrg(t.db, { callsPerAgent: 2 });
  other = await createFixtureOrg(t.db);
  await publishScorecard(t.db, org.tenantId, DEFINITION);
  const grants: Record<Who, Grant[]> = {
    qa: [{ role: 'qa_analyst' }],
    admin: [{ role: 'admin' }],
    leadA: [{ role: 'team_lead', teamId: org.teams.a.id }],
    leadB: [{ role: 'team_lead', teamId: org.teams.b.id }],
    agentA1: [{ role: 'agent' }],
    auditorA: [{ role: 'client_auditor', clientId: org.clients.a.id }],
    auditorB: [{ role: 'client_auditor', clientId: org.clients.b.id }]
  };
  for (const who of Object.keys(grants) as Who[]) {
    const s = await signInAs(app, t.db, {
      tenantId: org.tenantId,
      grants: grants[who],
      name: `Calib ${who}`,
      personId: who === 'agentA1' ? org.agents.a1.id : undefined
    });
    u[who] = s.headers;
    person[who] = { personId: s.personId, grants: grants[who], label: who };
  }
  const callsA = org.calls.filter((c) => c.programId === org.programs.a.id);
  c1 = callsA[0]!.id;
  c2 = callsA[1]!.id;
  const base = { tenantId: org.tenantId, programId: org.programs.a.id, callIds: [c1, c2], facilitatorId: person.qa.personId };
  const participants = [person.qa, person.leadA, person.auditorA];
  const scores = [
    { [c1]: P1, [c2]: P1b },
    { [c1]: { greet: 'yes', empathy: 4, resolve: 'full' }, [c2]: { greet: 'yes', empathy: 3, resolve: 'partial' } },
    { [c1]: { greet: 'no', empathy: 3, resolve: 'partial' }, [c2]: { greet: 'no', empathy: 2, resolve: 'none' } }
  ];
  revealed = (await calibrationSession(t.db, { ...base, participants, scores, revealed: true, now: new Date('2026-11-10T10:00:00Z') }))
    .sessionId;
  sealed = (await calibrationSession(t.db, { ...base, participants, scores, now: new Date('2026-11-10T10:00:00Z') })).sessionId;
});
afterAll(() => t.cleanup());

const results = async (who: Who, id = revealed) => get(`/api/calibration/sessions/${id}/results`, u[who]);

describe('reading the results', () => {
  it('is 409 before the reveal, for the facilitator, an admin and the participants alike', async () => {
    for (const who of ['qa', 'admin', 'leadA', 'auditorA'] as const) {
      const res = await results(who, sealed);
      expect(res.status, who).toBe(409);
      expect((await res.json()).error.message).toMatch(/not revealed yet/);
    }
  });

  it('after the reveal: participants and managers read it; others get 404 and learn nothing', async () => {
    for (const who of ['qa', 'admin', 'leadA', 'auditorA'] as const) expect((await results(who)).status, who).toBe(200);
    for (const who of ['leadB', 'agentA1', 'auditorB'] as const) {
      const res = await results(who);
      expect(res.status, who).toBe(404);
      expect(Object.keys(await res.json())).toEqual(['error']);
    }
    for (const bad of ['0x10', '%201', '1e3', '0', '-1'])
      expect((await get(`/api/calibration/sessions/${bad}/results`, u.qa)).status, bad).toBe(400);
    expect((await get(`/api/calibration/sessions/999999/results`, u.qa)).status).toBe(404);
  });

  it('shows every answer side by side, the spread, a suggestion, and only the facilitator may record', async () => {
    const body = (await (await results('leadA')).json()) as CalibrationResults;
    expect(body.canRecordConsensus).toBe(false);
    expect(body.participants.map((p) => p.name)).toEqual(['Calib qa', 'Calib leadA', 'Calib auditorA']);
    const call1 = body.calls.find((c) => c.callId === c1)!;
    expect(call1.items.find((i) => i.itemId === 'empathy')!.answers.map((a) => a.value)).toEqual([5, 4, 3]);
    expect(call1.items.find((i) => i.itemId === 'empathy')!.suggestion).toBe(4);
    expect(call1.items.find((i) => i.itemId === 'greet')!.suggestion).toBe('yes');
    expect(call1.spread).toBeCloseTo(62.5, 10);
    expect(body.overall.meanSpread).toBeCloseTo((62.5 + 56.25) / 2, 10);
    // Greet: units {yes, yes, no}, {no, yes, no}: o_yy = 1, o_yn = o_ny = 2, o_nn = 1, n = 6 → α = 1 − 5·4/18.
    const greet = body.items.find((i) => i.itemId === 'greet')!.agreement;
    expect(greet.alpha).toBeCloseTo(1 - 20 / 18, 10);
    expect(greet).toMatchObject({ level: 'nominal', units: 2, band: 'unreliable', flagged: true });
    expect(greet.percentAgreement).toBeCloseTo(1 / 3, 10);
    expect(body.evaluators.every((e) => e.overall === null)).toBe(true);
    expect((await (await results('qa')).json()).canRecordConsensus).toBe(true);
  });
});

describe('recording agreed answers', () => {
  const put = (who: Who, id: number, callId: number, b: unknown) =>
    req('PUT', `/api/calibration/sessions/${id}/calls/${callId}/consensus`, u[who], b);

  it('is refused before the reveal (409), to a participant who is not a facilitator (403), for a call outside (404)', async () => {
    expect((await put('qa', sealed, c1, consensusBody(AGREED_1))).status).toBe(409);
    expect((await put('leadA', revealed, c1, consensusBody(AGREED_1))).status).toBe(403);
    expect((await put('leadB', revealed, c1, consensusBody(AGREED_1))).status).toBe(404);
    const outside = org.calls.find((c) => c.id !== c1 && c.id !== c2)!.id;
    expect((await put('qa', revealed, outside, consensusBody(AGREED_1))).status).toBe(404);
    const rows = await t.db.select().from(schema.calibrationConsensus).where(eq(schema.calibrationConsensus.sessionId, revealed));
    expect(rows).toEqual([]);
  });

  it('a bad answer is 400 naming the item, and nothing is stored', async () => {
    for (const [bad, named] of [
      [{ greet: 'yes', empathy: 9 }, /item "empathy"/],
      [{ greet: 'maybe' }, /item "greet"/],
      [{ nonsense: 'yes' }, /item "nonsense" is not on this scorecard/]
    ] as const) {
      const res = await put('qa', revealed, c1, consensusBody(bad));
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(named);
    }
    const empty = await put('qa', revealed, c1, { items: [] });
    expect(empty.status).toBe(400);
    const rows = await t.db.select().from(schema.calibrationConsensus).where(eq(schema.calibrationConsensus.sessionId, revealed));
    expect(rows).toEqual([]);
  });

  it('the facilitator records them (audited, upsert); each evaluator deviation matches the hand computation', async () => {
    expect((await put('qa', revealed, c1, consensusBody({ ...AGREED_1, greet: 'no' }))).status).toBe(200);
    const again = await put('qa', revealed, c1, consensusBody(AGREED_1));
    expect(again.status, await again.clone().text()).toBe(200);
    expect((await put('qa', revealed, c2, consensusBody(AGREED_2))).status).toBe(200);
    const rows = await t.db
      .select()
      .from(schema.calibrationConsensus)
      .where(and(eq(schema.calibrationConsensus.sessionId, revealed), eq(schema.calibrationConsensus.callId, c1)));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.itemId === 'greet')!.answer).toBe('yes');
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'calibration.consensus'));
    expect(audit).toHaveLength(3);

    const body = (await (await results('auditorA')).json()) as CalibrationResults;
    // Weights greet 2, empathy 2, resolve 4 (choice full 2 / partial 1 / none 0): agreed call 1 = 7.5/8, call 2 = 3/8.
    expect(body.calls.map((c) => c.agreedScore)).toEqual([93.75, 37.5]);
    const dev = Object.fromEntries(body.evaluators.map((e) => [e.name, e]));
    expect(dev['Calib qa']!.overall).toEqual({ n: 2, mean: 3.125, meanAbs: 3.125 });
    expect(dev['Calib leadA']!.overall).toEqual({ n: 2, mean: 12.5, meanAbs: 12.5 });
    expect(dev['Calib auditorA']!.overall).toEqual({ n: 2, mean: -43.75, meanAbs: 43.75 });
    // Items (points %): leadA differs only on greet of call 2 (100 vs 0) → 100/6; auditorA −250/6.
    expect(dev['Calib leadA']!.items!.mean).toBeCloseTo(100 / 6, 10);
    expect(dev['Calib auditorA']!.items).toMatchObject({ n: 6 });
    expect(dev['Calib auditorA']!.items!.mean).toBeCloseTo(-250 / 6, 10);
    expect(dev['Calib auditorA']!.items!.meanAbs).toBeCloseTo(250 / 6, 10);
    const agreed = body.calls[0]!.items.find((i) => i.itemId === 'empathy')!.agreed;
    expect(agreed).toMatchObject({ answer: 4, basis: 'consensus', decidedBy: expect.any(String) });
  });

  it('session notes: the facilitator saves them (before or after the reveal); others may not', async () => {
    const res = await req('PUT', `/api/calibration/sessions/${sealed}/notes`, u.qa, { notes: 'Reword "empathy"' });
    expect(res.status).toBe(200);
    expect((await req('PUT', `/api/calibration/sessions/${revealed}/notes`, u.leadA, { notes: 'x' })).status).toBe(403);
    expect((await req('PUT', `/api/calibration/sessions/${revealed}/notes`, u.agentA1, { notes: 'x' })).status).toBe(404);
    const [row] = await t.db.select().from(schema.calibrationSessions).where(eq(schema.calibrationSessions.id, sealed));
    expect(row!.notes).toBe('Reword "empathy"');
    expect((await req('PUT', `/api/calibration/sessions/${revealed}/notes`, u.qa, { notes: 42 })).status).toBe(400);
  });
});

describe('evaluator drift', () => {
  const driftSessions = async () => {
    // leadA drifts up: empathy 3 (as agreed) → 4 → 5, then also resolve full; qa always gives the agreed answers.
    const agreed = { greet: 'yes', empathy: 3, resolve: 'partial' };
    const lead = [agreed, { ...agreed, empathy: 4 }, { ...agreed, empathy: 5 }, { ...agreed, empathy: 5, resolve: 'full' }];
    for (const [i, answers] of lead.entries()) {
      const { sessionId } = await calibrationSession(t.db, {
        tenantId: org.tenantId,
        programId: org.programs.a.id,
        callIds: [c1],
        facilitatorId: person.qa.personId,
        participants: [person.qa, person.leadA],
        title: `Drift ${i + 1}`,
        scores: [{ [c1]: agreed }, { [c1]: answers }],
        revealed: true,
        now: new Date(Date.UTC(2026, 7 + i, 3))
      });
      const res = await req('PUT', `/api/calibration/sessions/${sessionId}/calls/${c1}/consensus`, u.qa, consensusBody(agreed));
      expect(res.status).toBe(200);
    }
  };

  it('a lead sees only itself, drifting up; a manager sees everyone; agents are refused', async () => {
    await driftSessions();
    const mine = (await (await get('/api/calibration/evaluators?from=2026-08-01&to=2026-10-31', u.leadA)).json()) as EvaluatorDrift;
    expect(mine.scope).toBe('self');
    expect(mine.evaluators.map((e) => e.name)).toEqual(['Calib leadA']);
    const lead = mine.evaluators[0]!;
    expect(lead.sessions.map((s) => s.title)).toEqual(['Drift 1', 'Drift 2', 'Drift 3']);
    expect(lead.sessions.map((s) => s.items!.mean)).toEqual([0, 25 / 3, 50 / 3]);
    expect(lead.drift).toBe('up');
    expect(lead.slope).toBeCloseTo(25 / 3, 10);
    expect(lead.topItems[0]).toMatchObject({ itemId: 'empathy', text: 'Shows empathy' });

    const all = (await (await get('/api/calibration/evaluators?from=2026-08-01&to=2026-12-31', u.qa)).json()) as EvaluatorDrift;
    expect(all.scope).toBe('all');
    const qa = all.evaluators.find((e) => e.name === 'Calib qa')!;
    expect(qa.sessions.length).toBe(5); // 4 drift sessions + the revealed one with agreed answers
    expect(all.evaluators.map((e) => e.name)).toContain('Calib auditorA');

    expect((await get('/api/calibration/evaluators', u.agentA1)).status).toBe(403);
    expect((await get('/api/calibration/evaluators?from=2026-12-01&to=2026-01-01', u.qa)).status).toBe(400);
    expect((await get('/api/calibration/evaluators?from=yesterday', u.qa)).status).toBe(400);
  });

  it('another tenant sees none of it', async () => {
    const s = await signInAs(app, t.db, { tenantId: other.tenantId, grants: [{ role: 'qa_analyst' }] });
    const body = (await (await get('/api/calibration/evaluators?from=2020-01-01&to=2026-12-31', s.headers)).json()) as EvaluatorDrift;
    expect(body.evaluators).toEqual([]);
    expect((await get(`/api/calibration/sessions/${revealed}/results`, s.headers)).status).toBe(404);
  });
});
