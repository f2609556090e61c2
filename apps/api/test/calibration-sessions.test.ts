// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { Grant } from '@attentive/core';
import { drawCalibrationCalls } from '@attentive/core/calibration/draw-calls';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import { loadEnv } from '../src/env.ts';
import { signInAs, tokenHeaders } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { publishScorecard } from './support/scorecard.ts';
import { calibrationSession } from './support/calibration-session.ts';

const DEFINITION: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      items: [
        { id: 'greeting', text: 'Greets with name and company', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_friendly' },
        { id: 'empathy', text: 'Shows empathy', answer: { type: 'scale', min: 1, max: 5 }, weight: 3, dimension: 'customer_friendly' }
      ]
    }
  ]
};
const ANSWERS = { greeting: 'yes', empathy: 4 } as const;

let clock = new Date('2026-11-10T10:00:00Z');
const inDays = (d: number) => new Date(clock.getTime() + d * 86_400_000).toISOString();
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let other: FixtureOrg;
type Who = 'qa' | 'admin' | 'leadA' | 'leadB' | 'agentA1' | 'auditorA' | 'auditorB' | 'qaOther';
const u = {} as Record<Who, H>;
const person = {} as Record<Who, number>;
const grants = {} as Record<Who, Grant[]>;
let token: H;

const { req, get } = jsonRequests(() => app);
const programACalls = () => org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);
const sessionCount = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(schema.calibrationSessions))[0]!.n);

function valid(over: Record<string, unknown> = {}) {
  return {
    programId: org.programs.a.id,
    title: '  November calibration  ',
    deadline: inDays(7),
    participantIds: [person.leadA, person.auditorA],
    calls: { mode: 'chosen', callIds: programACalls().slice(0, 2) },
    ...over
  };
}

/** A 400 whose details name `path`, and nothing stored. */
async function expectInvalid(body: unknown, path: string, by: H = u.qa) {
  const before = await sessionCount();
  const res = await req('POST', '/api/calibration/sessions', by, body);
  const text = await res.text();
  expect(res.status, text).toBe(400);
  const { error } = JSON.parse(text);
  expect(
    error.details.map((d: { path: string }) => d.path),
    text
  ).toContain(path);
  expect(await sessionCount()).toBe(before);
  return error as { message: string; details: { path: string; message: string }[] };
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
  org = await createFixtureOrg(t.db);
  other = await createFixtureOrg(t.db);
  await publishScorecard(t.db, org.tenantId, DEFINITION);
  await publishScorecard(t.db, other.tenantId, DEFINITION);
  const roles: Record<Who, [number, Grant[], number?]> = {
    qa: [org.tenantId, [{ role: 'qa_analyst' }]],
    admin: [org.tenantId, [{ role: 'admin' }]],
    leadA: [org.tenantId, [{ role: 'team_lead', teamId: org.teams.a.id }]],
    leadB: [org.tenantId, [{ role: 'team_lead', teamId: org.teams.b.id }]],
    agentA1: [org.tenantId, [{ role: 'agent' }], org.agents.a1.id],
    auditorA: [org.tenantId, [{ role: 'client_auditor', clientId: org.clients.a.id }]],
    auditorB: [org.tenantId, [{ role: 'client_auditor', clientId: org.clients.b.id }]],
    qaOther: [other.tenantId, [{ role: 'qa_analyst' }]]
  };
  for (const [who, [tenantId, g, personId]] of Object.entries(roles) as [Who, [number, Grant[], number?]][]) {
    const s = await signInAs(app, t.db, { tenantId, grants: g, personId, name: `Person ${who}` });
    u[who] = s.headers;
    person[who] = s.personId;
    grants[who] = g;
  }
  token = (await tokenHeaders(t.db, { tenantId: org.tenantId, programId: org.programs.a.id })).headers;
});
afterAll(() => t.cleanup());

describe('making a session', () => {
  it('with chosen calls: the maker facilitates, the scorecard version is fixed, calls keep their order, audited', async () => {
    const callIds = programACalls().slice(0, 3).reverse();
    const res = await req('POST', '/api/calibration/sessions', u.qa, valid({ calls: { mode: 'chosen', callIds } }));
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({
      title: 'November calibration',
      programId: org.programs.a.id,
      status: 'open',
      selection: 'chosen',
      facilitatorId: person.qa,
      isFacilitator: true,
      calls: 3,
      participants: 2,
      submitted: 0,
      expected: 6,
      scorecardVersion: 1,
      drawSeed: null,
      canReveal: false,
      revealBlock: 'missing_scores',
      missing: 6
    });
    expect(body.callList.map((c: { callId: number }) => c.callId)).toEqual(callIds);
    expect(body.participantList.map((p: { personId: number }) => p.personId).sort()).toEqual([person.leadA, person.auditorA].sort());
    const [audit] = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'calibration.create'), eq(schema.auditLog.objectId, String(body.id))));
    expect(audit).toBeDefined();
  });

  it('with drawn calls: the lowest HMAC ranks of the period under a stored seed, so the draw can be repeated', async () => {
    const res = await req(
      'POST',
      '/api/calibration/sessions',
      u.qa,
      valid({ calls: { mode: 'drawn', from: '2026-11-02', to: '2026-11-02', count: 3 } })
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.selection).toBe('drawn');
    expect(body.drawSeed).toMatch(/^[0-9a-f]{64}$/);
    const candidates = await t.db
      .select({ id: schema.calls.id })
      .from(schema.calls)
      .where(
        and(
          eq(schema.calls.programId, org.programs.a.id),
          gte(schema.calls.startedAt, new Date(body.drawFrom)),
          lt(schema.calls.startedAt, new Date(body.drawTo))
        )
      );
    expect(candidates.length).toBeGreaterThan(3);
    const again = drawCalibrationCalls(candidates.map((c) => c.id).reverse(), body.drawSeed, 3);
    expect(body.callList.map((c: { callId: number }) => c.callId)).toEqual(again);
  });

  it('a period with fewer calls than asked takes what there is; an empty period is a 400 naming calls.from', async () => {
    const res = await req(
      'POST',
      '/api/calibration/sessions',
      u.qa,
      valid({ calls: { mode: 'drawn', from: '2026-11-01', to: '2026-11-03', count: 20 } })
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.calls).toBe(programACalls().length);
    await expectInvalid(valid({ calls: { mode: 'drawn', from: '2026-10-01', to: '2026-10-02', count: 2 } }), 'calls.from');
    await expectInvalid(valid({ calls: { mode: 'drawn', from: '2026-11-03', to: '2026-11-01', count: 2 } }), 'calls.from');
    await expectInvalid(valid({ calls: { mode: 'drawn', from: '2026-02-30', to: '2026-03-01', count: 2 } }), 'calls.from');
  });

  it('bad input is a 400 naming the field, and nothing is stored', async () => {
    await expectInvalid(valid({ title: '   ' }), 'title');
    await expectInvalid(valid({ title: 'x'.repeat(121) }), 'title');
    await expectInvalid(valid({ deadline: inDays(-1) }), 'deadline');
    await expectInvalid(valid({ deadline: 'tomorrow' }), 'deadline');
    await expectInvalid(valid({ participantIds: [person.leadA] }), 'participantIds');
    await expectInvalid(valid({ participantIds: [person.leadA, person.leadA] }), 'participantIds');
    await expectInvalid(valid({ calls: { mode: 'chosen', callIds: [] } }), 'calls.callIds');
    const [c1] = programACalls();
    await expectInvalid(valid({ calls: { mode: 'chosen', callIds: [c1, c1] } }), 'calls.callIds');
    await expectInvalid(valid({ calls: { mode: 'drawn', from: '2026-11-01', to: '2026-11-03', count: 21 } }), 'calls.count');
    await expectInvalid(valid({ calls: { mode: 'random' } }), 'calls.mode');
  });

  it('a call of another program or tenant, or a person who may not calibrate, is named', async () => {
    const progB = org.calls.find((c) => c.programId === org.programs.b.id)!.id;
    const e1 = await expectInvalid(valid({ calls: { mode: 'chosen', callIds: [programACalls()[0], progB] } }), 'calls.callIds.1');
    expect(e1.message).toContain(`call ${progB}`);
    await expectInvalid(valid({ calls: { mode: 'chosen', callIds: [other.calls[0]!.id] } }), 'calls.callIds.0');
    const agent = await expectInvalid(valid({ participantIds: [person.leadA, person.agentA1] }), 'participantIds.1');
    expect(agent.message).toContain('Agent One');
    await expectInvalid(valid({ participantIds: [person.auditorB, person.leadA] }), 'participantIds.0');
    await expectInvalid(valid({ participantIds: [person.leadA, person.qaOther] }), 'participantIds.1');
    const before = await sessionCount();
    const foreign = await req('POST', '/api/calibration/sessions', u.qa, valid({ programId: other.programs.a.id }));
    expect(foreign.status).toBe(404);
    expect(await sessionCount()).toBe(before);
  });

  it('only admins and QA analysts make sessions', async () => {
    expect((await req('POST', '/api/calibration/sessions', u.admin, valid())).status).toBe(201);
    for (const who of [u.leadA, u.auditorA, u.agentA1, token])
      expect((await req('POST', '/api/calibration/sessions', who, valid())).status).toBe(403);
  });
});

describe('reading sessions', () => {
  let sessionId: number;
  beforeAll(async () => {
    const callIds = programACalls().slice(0, 2);
    ({ sessionId } = await calibrationSession(t.db, {
      tenantId: org.tenantId,
      programId: org.programs.a.id,
      callIds,
      facilitatorId: person.qa,
      participants: [
        { personId: person.leadA, grants: grants.leadA },
        { personId: person.auditorA, grants: grants.auditorA }
      ],
      title: 'Blind one',
      scores: [{ [callIds[0]!]: { greeting: 'no', empathy: 1 } }],
      drafts: [{ [callIds[1]!]: { greeting: 'yes', empathy: 5 } }],
      now: clock
    }));
  });

  it('participants list their sessions with their own progress; other leads and auditors see none of them; agents 403', async () => {
    const lead = await (await get('/api/calibration/sessions', u.leadA)).json();
    const mine = lead.items.find((s: { id: number }) => s.id === sessionId);
    expect(mine).toMatchObject({
      isParticipant: true,
      mySubmitted: 1,
      calls: 2,
      participants: 2,
      submitted: 1,
      expected: 4,
      status: 'open'
    });
    for (const who of [u.leadB, u.auditorB]) {
      const res = await get('/api/calibration/sessions', who);
      expect(res.status).toBe(200);
      expect((await res.json()).items).toEqual([]);
    }
    expect((await get('/api/calibration/sessions', u.agentA1)).status).toBe(403);
    expect((await get('/api/calibration/sessions', token)).status).toBe(403);
    const qa = await (await get('/api/calibration/sessions', u.qa)).json();
    expect(qa.items.map((s: { id: number }) => s.id)).toContain(sessionId);
    expect(lead.items.every((s: { isParticipant: boolean }) => s.isParticipant)).toBe(true);
    expect(qa.items.every((s: { isParticipant: boolean }) => !s.isParticipant)).toBe(true);
    const ids = qa.items.map((s: { id: number }) => s.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const other = await (await get('/api/calibration/sessions', u.qaOther)).json();
    expect(other.items).toEqual([]);
    expect((await (await get('/api/calibration/sessions?status=revealed', u.qa)).json()).items).toEqual([]);
    expect((await get('/api/calibration/sessions?status=closed', u.qa)).status).toBe(400);
  });

  it('the detail: participants and managers 200; anyone else 404; bad ids 400/404', async () => {
    for (const who of [u.leadA, u.auditorA, u.qa, u.admin])
      expect((await get(`/api/calibration/sessions/${sessionId}`, who)).status).toBe(200);
    for (const who of [u.leadB, u.auditorB, u.agentA1, u.qaOther, token])
      expect((await get(`/api/calibration/sessions/${sessionId}`, who)).status).toBe(404);
    for (const bad of ['0x10', '%201', '1e3', '0', '-1', 'abc'])
      expect((await get(`/api/calibration/sessions/${bad}`, u.qa)).status).toBe(400);
    expect((await get('/api/calibration/sessions/99999999', u.qa)).status).toBe(404);
  });

  it('before the reveal the detail carries progress only: no answers, no scores — not even for the facilitator', async () => {
    for (const who of [u.qa, u.leadA, u.auditorA]) {
      const body = await (await get(`/api/calibration/sessions/${sessionId}`, who)).json();
      const text = JSON.stringify(body);
      for (const leak of ['answers', 'greeting', 'empathy', 'score"', 'overall', 'evaluationId']) expect(text).not.toContain(leak);
      expect(body.participantList.find((p: { personId: number }) => p.personId === person.leadA).submitted).toBe(1);
      expect(body.participantList.find((p: { personId: number }) => p.personId === person.auditorA).submitted).toBe(0);
    }
    const lead = await (await get(`/api/calibration/sessions/${sessionId}`, u.leadA)).json();
    expect(lead.callList.map((c: { myState: string }) => c.myState)).toEqual(['submitted', 'draft']);
    expect(lead).toMatchObject({ canScore: true, canReveal: false, revealBlock: 'not_facilitator', isFacilitator: false });
    const auditor = await (await get(`/api/calibration/sessions/${sessionId}`, u.auditorA)).json();
    expect(auditor.callList.map((c: { myState: string }) => c.myState)).toEqual(['none', 'none']);
    const qa = await (await get(`/api/calibration/sessions/${sessionId}`, u.qa)).json();
    expect(qa).toMatchObject({ canScore: false, isFacilitator: true, canReveal: false, revealBlock: 'missing_scores', missing: 3 });
  });
});

describe('the reveal', () => {
  const make = async (o: { all: boolean; deadline?: Date }) => {
    const callIds = programACalls().slice(2, 4);
    const full = Object.fromEntries(callIds.map((c) => [c, ANSWERS]));
    return (
      await calibrationSession(t.db, {
        tenantId: org.tenantId,
        programId: org.programs.a.id,
        callIds,
        facilitatorId: person.qa,
        participants: [
          { personId: person.leadA, grants: grants.leadA },
          { personId: person.leadB, grants: grants.leadB }
        ],
        scores: o.all ? [full, full] : [full],
        deadline: o.deadline,
        now: clock
      })
    ).sessionId;
  };
  const reveal = (id: number, who: H) => req('POST', `/api/calibration/sessions/${id}/reveal`, who);

  it('refused (409, saying how many are missing) before the deadline; a lead may not (403); twice 409', async () => {
    const id = await make({ all: false });
    expect((await reveal(id, u.leadA)).status).toBe(403);
    const early = await reveal(id, u.qa);
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toContain('2 of 4 scores are still missing');
    const detail = await (await get(`/api/calibration/sessions/${id}`, u.qa)).json();
    expect(detail.revealedAt).toBeNull();
  });

  it('allowed when everyone submitted; the detail then says revealed; a second reveal is 409', async () => {
    const id = await make({ all: true });
    const before = await (await get(`/api/calibration/sessions/${id}`, u.qa)).json();
    expect(before).toMatchObject({ revealable: true, canReveal: true, revealBlock: null, missing: 0 });
    const res = await reveal(id, u.qa);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ sessionId: id, submitted: 4, expected: 4 });
    const after = await (await get(`/api/calibration/sessions/${id}`, u.leadB)).json();
    expect(after).toMatchObject({ status: 'revealed', canScore: false, revealBlock: 'revealed' });
    expect((await reveal(id, u.qa)).status).toBe(409);
    const listed = await (await get('/api/calibration/sessions?status=revealed', u.leadA)).json();
    expect(listed.items.map((s: { id: number }) => s.id)).toContain(id);
  });

  it("allowed after the deadline with scores missing; another tenant's manager gets 404", async () => {
    const id = await make({ all: false, deadline: new Date(clock.getTime() + 86_400_000) });
    expect((await reveal(id, u.qaOther)).status).toBe(404);
    const saved = clock;
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    try {
      const detail = await (await get(`/api/calibration/sessions/${id}`, u.qa)).json();
      expect(detail).toMatchObject({ status: 'overdue', revealable: true, canReveal: true });
      const res = await reveal(id, u.admin);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toMatchObject({ submitted: 2, expected: 4 });
    } finally {
      clock = saved;
    }
  });
});

describe('the form options', () => {
  it('programs with a published scorecard; for a program its eligible people (its own auditors, no agents) and recent calls', async () => {
    const res = await get(`/api/calibration/options?programId=${org.programs.a.id}`, u.qa);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.programs.map((p: { id: number }) => p.id).sort()).toEqual([org.programs.a.id, org.programs.b.id].sort());
    const ids = body.people.map((p: { id: number }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([person.qa, person.admin, person.leadA, person.leadB, person.auditorA]));
    expect(ids).not.toContain(person.auditorB);
    expect(ids).not.toContain(person.agentA1);
    expect(ids).not.toContain(person.qaOther);
    expect(body.people.find((p: { id: number }) => p.id === person.auditorA)).toMatchObject({ client: true, roles: ['client_auditor'] });
    expect(body.calls.map((c: { id: number }) => c.id).sort()).toEqual(programACalls().sort());
    const starts = body.calls.map((c: { startedAt: string }) => c.startedAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect((await get(`/api/calibration/options?programId=${other.programs.a.id}`, u.qa)).status).toBe(404);
    expect((await get('/api/calibration/options?programId=0x10', u.qa)).status).toBe(400);
    expect((await get('/api/calibration/options', u.leadA)).status).toBe(403);
    expect((await get('/api/calibration/options', u.qa)).status).toBe(200);
  });
});
