// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, like } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';

/** The scenario library of mystery calls (issue 13) and the scorecards per purpose it scores on, through the API. */

const CALL_CARD: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      items: [
        { id: 'greeting', text: 'Greets with name and company', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_friendly' },
        { id: 'empathy', text: 'Shows empathy', answer: { type: 'scale', min: 1, max: 5 }, weight: 3, dimension: 'customer_friendly' },
        { id: 'next-step', text: 'Offers the next step unasked', answer: { type: 'yes_no' }, weight: 3, dimension: 'customer_oriented' }
      ]
    }
  ]
};

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
const u = {} as Record<'admin' | 'qa' | 'lead' | 'auditorA' | 'auditorB' | 'shopper' | 'agent', H>;
/** Published scorecards: the call scorecard and the mystery-call form of program a; program b's call scorecard; an unpublished one of a. */
const card = {} as Record<'callsA' | 'mysteryA' | 'callsB' | 'draftOnly', number>;
const { req, get } = jsonRequests(() => app);

const content = (scorecardId: number, extra: Record<string, unknown> = {}) => ({
  title: 'Annual statement',
  story: 'I moved last month and lost my papers.',
  question: 'Can you send me my annual statement?',
  rightAnswer: 'Yes: by e-mail at once, or by post within 5 working days.',
  orientedOpportunity: 'Checks the e-mail address on file and offers to send it now.',
  difficulty: 'easy',
  scorecardId,
  ...extra
});

async function ok(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.json();
}

const stored = async () => ({
  scenarios: Number((await t.db.select({ n: count() }).from(schema.mysteryScenarios))[0]!.n),
  versions: Number((await t.db.select({ n: count() }).from(schema.mysteryScenarioVersions))[0]!.n)
});
const audits = async (action: string) =>
  Number((await t.db.select({ n: count() }).from(schema.auditLog).where(like(schema.auditLog.action, action)))[0]!.n);

async function createCard(h: H, body: Record<string, unknown>, publish = true) {
  const { scorecard } = await ok(await req('POST', '/api/scorecards', h, body), 201);
  if (publish) await ok(await req('POST', `/api/scorecards/${scorecard.id}/publish`, h, {}));
  return scorecard.id as number;
}

async function createScenario(programId = org.programs.a.id, extra: Record<string, unknown> = {}) {
  return ok(await req('POST', '/api/mystery/scenarios', u.qa, { programId, ...content(card.mysteryA, extra) }), 201);
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db, { callsPerAgent: 1 });
  const s = (grants: Parameters<typeof signInAs>[2]['grants'], personId?: number) =>
    signInAs(app, t.db, { tenantId: org.tenantId, grants, personId }).then((r) => r.headers);
  u.admin = await s([{ role: 'admin' }]);
  u.qa = await s([{ role: 'qa_analyst' }]);
  u.lead = await s([{ role: 'team_lead', teamId: org.teams.a.id }]);
  u.auditorA = await s([{ role: 'client_auditor', clientId: org.clients.a.id }]);
  u.auditorB = await s([{ role: 'client_auditor', clientId: org.clients.b.id }]);
  u.shopper = await s([{ role: 'mystery_shopper' }]);
  u.agent = await s([{ role: 'agent' }], org.agents.a1.id);
  card.callsA = await createCard(u.admin, { name: 'Care calls', programId: org.programs.a.id, definition: CALL_CARD });
  card.callsB = await createCard(u.admin, { name: 'B calls', programId: org.programs.b.id, definition: CALL_CARD });
  card.mysteryA = await createCard(u.admin, { name: 'Care mystery', programId: org.programs.a.id, purpose: 'mystery', startFrom: 'calls' });
  card.draftOnly = await createCard(u.admin, { name: 'Shared mystery', purpose: 'mystery', definition: CALL_CARD }, false);
}, 60_000);
afterAll(() => t.cleanup());

describe('scorecards per purpose', () => {
  it('a program has a call scorecard and a mystery-call form; the form started from the call scorecard shares its item ids', async () => {
    const list = await ok(await get('/api/scorecards', u.admin));
    const ofA = list.scorecards.filter((s: { programId: number }) => s.programId === org.programs.a.id);
    expect(ofA.map((s: { purpose: string }) => s.purpose).sort()).toEqual(['calls', 'mystery']);
    const form = await ok(await get(`/api/scorecards/${card.mysteryA}`, u.admin));
    expect(form.scorecard.purpose).toBe('mystery');
    expect(form.published.definition.sections[0].items.map((i: { id: string }) => i.id)).toEqual(['greeting', 'empathy', 'next-step']);
    expect(form.comparison).toMatchObject({ scorecardId: card.callsA, itemIds: ['greeting', 'empathy', 'next-step'] });
    // A call scorecard is not compared with anything.
    expect((await ok(await get(`/api/scorecards/${card.callsA}`, u.admin))).comparison).toBeNull();
  });

  it('an item whose answer type changed on the form no longer compares', async () => {
    const changed = structuredClone(CALL_CARD) as { sections: { items: { id: string; answer: unknown }[] }[] };
    changed.sections[0]!.items[1]!.answer = { type: 'yes_no' };
    changed.sections[0]!.items.push({
      id: 'right-answer',
      answer: { type: 'yes_no' },
      text: 'Gives the right answer',
      weight: 1,
      dimension: 'compliance'
    } as never);
    await ok(await req('PUT', `/api/scorecards/${card.mysteryA}/draft`, u.admin, { definition: changed }));
    const form = await ok(await get(`/api/scorecards/${card.mysteryA}`, u.admin));
    expect(form.comparison.itemIds).toEqual(['greeting', 'next-step']);
    expect(form.draft.itemCount).toBe(4);
    await ok(await req('DELETE', `/api/scorecards/${card.mysteryA}/draft`, u.admin));
  });

  it('one scorecard per program and purpose: a second mystery-call form is a 409 naming the first', async () => {
    const res = await req('POST', '/api/scorecards', u.admin, { name: 'Again', programId: org.programs.a.id, purpose: 'mystery' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('"Care mystery"');
  });

  it("startFrom only for a program's mystery-call form, and only when the program has a published call scorecard", async () => {
    for (const body of [
      { name: 'X', programId: org.programs.b.id, startFrom: 'calls' },
      { name: 'X', purpose: 'mystery', startFrom: 'calls' },
      { name: 'X', programId: org.programs.b.id, purpose: 'mystery', startFrom: 'calls', definition: CALL_CARD }
    ]) {
      const res = await req('POST', '/api/scorecards', u.admin, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].path).toBe('startFrom');
    }
    const [p] = await t.db
      .insert(schema.programs)
      .values({ tenantId: org.tenantId, clientId: org.clients.a.id, code: 'NOCARD', name: 'No card' })
      .returning();
    const res = await req('POST', '/api/scorecards', u.admin, { name: 'X', programId: p!.id, purpose: 'mystery', startFrom: 'calls' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0]).toMatchObject({ path: 'startFrom', message: expect.stringContaining('No card') });
  });
});

describe('the scenario library', () => {
  it('creates version 1, revises to version 2 with a note; versions come oldest first and the current is the latest', async () => {
    const before = await audits('mystery_scenario.%');
    const made = await createScenario();
    expect(made.scenario).toMatchObject({ programId: org.programs.a.id, versionCount: 1, retiredAt: null, current: { version: 1 } });
    expect(made.scenario.current).toMatchObject({ title: 'Annual statement', scorecardId: card.mysteryA, scorecardName: 'Care mystery' });
    const id = made.scenario.id;
    const v2 = await ok(
      await req('POST', `/api/mystery/scenarios/${id}/versions`, u.admin, {
        ...content(card.callsA, { difficulty: 'hard' }),
        baseVersion: 1,
        note: 'harder; scored on the call scorecard'
      })
    );
    expect(v2.scenario).toMatchObject({ versionCount: 2, current: { version: 2, difficulty: 'hard', scorecardId: card.callsA } });
    const detail = await ok(await get(`/api/mystery/scenarios/${id}`, u.qa));
    expect(detail.versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [1, ''],
      [2, 'harder; scored on the call scorecard']
    ]);
    expect(detail.versions[0].difficulty).toBe('easy');
    expect(await audits('mystery_scenario.%')).toBe(before + 2);
  });

  it('an edit of an older version is a 409 and stores nothing; the same content again makes no version', async () => {
    const { scenario } = await createScenario();
    const edit = (baseVersion: number, extra = {}) =>
      req('POST', `/api/mystery/scenarios/${scenario.id}/versions`, u.qa, { ...content(card.mysteryA, extra), baseVersion });
    await ok(await edit(1, { title: 'First edit' }));
    const before = await stored();
    const stale = await edit(1, { title: 'Second editor, stale' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/now version 2; you edited version 1/);
    expect(await stored()).toEqual(before);
    const again = await ok(await edit(2, { title: 'First edit' }));
    expect(again.scenario.versionCount).toBe(2);
    expect(await stored()).toEqual(before);
  });

  it('a retired scenario stays readable, leaves the default list, refuses changes (409) and can be restored', async () => {
    const { scenario } = await createScenario(org.programs.a.id, { title: 'To retire' });
    const retired = await ok(await req('POST', `/api/mystery/scenarios/${scenario.id}/retire`, u.qa));
    expect(retired.scenario.retiredAt).not.toBeNull();
    expect(retired.scenario.retiredBy).toMatch(/^user:/);
    expect((await ok(await get(`/api/mystery/scenarios/${scenario.id}`, u.auditorA))).scenario.current.title).toBe('To retire');
    const inUse = await ok(await get(`/api/mystery/scenarios?programId=${org.programs.a.id}`, u.qa));
    expect(inUse.items.map((s: { id: number }) => s.id)).not.toContain(scenario.id);
    const all = await ok(await get(`/api/mystery/scenarios?programId=${org.programs.a.id}&includeRetired=true`, u.qa));
    expect(all.items.map((s: { id: number }) => s.id)).toContain(scenario.id);
    const before = await stored();
    const res = await req('POST', `/api/mystery/scenarios/${scenario.id}/versions`, u.qa, { ...content(card.mysteryA), baseVersion: 1 });
    expect(res.status).toBe(409);
    expect(await stored()).toEqual(before);
    // Retiring again changes nothing and writes no audit row.
    const n = await audits('mystery_scenario.retire');
    await ok(await req('POST', `/api/mystery/scenarios/${scenario.id}/retire`, u.qa));
    expect(await audits('mystery_scenario.retire')).toBe(n);
    const restored = await ok(await req('POST', `/api/mystery/scenarios/${scenario.id}/restore`, u.admin));
    expect(restored.scenario.retiredAt).toBeNull();
  });

  it('bad input is a 400 naming the field and stores nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ' }, 'title'],
      [{ story: 'x'.repeat(4001) }, 'story'],
      [{ question: '' }, 'question'],
      [{ rightAnswer: 'a\u202Eb' }, 'rightAnswer'],
      [{ title: 'two\nlines' }, 'title'],
      [{ difficulty: 'impossible' }, 'difficulty'],
      [{ scorecardId: card.callsB }, 'scorecardId'],
      [{ scorecardId: card.draftOnly }, 'scorecardId'],
      [{ scorecardId: 987654 }, 'scorecardId'],
      [{ scorecardId: '1' }, 'scorecardId'],
      [{ programId: 'a' }, 'programId'],
      [{ colour: 'red' }, '(body)']
    ];
    for (const [extra, path] of cases) {
      const res = await req('POST', '/api/mystery/scenarios', u.qa, { programId: org.programs.a.id, ...content(card.mysteryA, extra) });
      const body = await res.json();
      expect(res.status, `${JSON.stringify(extra)}: ${JSON.stringify(body)}`).toBe(400);
      expect(
        body.error.details.map((d: { path: string }) => d.path),
        JSON.stringify(extra)
      ).toContain(path);
    }
    const { scenario } = await createScenario();
    const mid = await stored();
    const res = await req('POST', `/api/mystery/scenarios/${scenario.id}/versions`, u.qa, { ...content(card.callsB), baseVersion: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toBe('scorecardId');
    expect(await stored()).toEqual(mid);
    expect(mid.scenarios).toBe(before.scenarios + 1);
    expect((await req('POST', '/api/mystery/scenarios', u.qa, { ...content(card.mysteryA), programId: 987654 })).status).toBe(404);
  });

  it('odd ids are a 400 or 404, never a 500', async () => {
    const { scenario } = await createScenario();
    for (const id of ['0x10', '%201', `0${scenario.id}`, '-1', '1e1', '99999999999999999999'])
      expect([400, 404]).toContain((await get(`/api/mystery/scenarios/${id}`, u.qa)).status);
    expect((await get('/api/mystery/scenarios?programId=0x1', u.qa)).status).toBe(400);
    expect((await get('/api/mystery/scenarios?includeRetired=yes', u.qa)).status).toBe(400);
  });
});

describe('who reads the library', () => {
  it("a client auditor reads its own clients' programs' scenarios only, and changes nothing", async () => {
    const mine = await createScenario(org.programs.a.id, { title: 'Client A scenario' });
    const theirs = await ok(
      await req('POST', '/api/mystery/scenarios', u.admin, {
        programId: org.programs.b.id,
        ...content(card.callsB, { title: 'Client B scenario' })
      }),
      201
    );
    const list = await ok(await get('/api/mystery/scenarios?includeRetired=true', u.auditorA));
    const ids = list.items.map((s: { id: number }) => s.id);
    expect(ids).toContain(mine.scenario.id);
    expect(ids).not.toContain(theirs.scenario.id);
    expect(list.items.every((s: { clientId: number }) => s.clientId === org.clients.a.id)).toBe(true);
    expect((await get(`/api/mystery/scenarios/${theirs.scenario.id}`, u.auditorA)).status).toBe(404);
    expect((await get(`/api/mystery/scenarios?programId=${org.programs.b.id}`, u.auditorA)).status).toBe(404);
    expect((await get(`/api/mystery/scenarios/${theirs.scenario.id}`, u.auditorB)).status).toBe(200);
    const before = await stored();
    expect(
      (await req('POST', '/api/mystery/scenarios', u.auditorA, { programId: org.programs.a.id, ...content(card.mysteryA) })).status
    ).toBe(403);
    expect((await req('POST', `/api/mystery/scenarios/${mine.scenario.id}/retire`, u.auditorA)).status).toBe(403);
    expect(
      (await req('POST', `/api/mystery/scenarios/${mine.scenario.id}/versions`, u.auditorA, { ...content(card.mysteryA), baseVersion: 1 }))
        .status
    ).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('a mystery shopper, a team lead and an agent see no library: the list is 403, a scenario 404', async () => {
    const { scenario } = await createScenario();
    for (const h of [u.shopper, u.lead, u.agent]) {
      const list = await get('/api/mystery/scenarios', h);
      expect(list.status).toBe(403);
      expect(Object.keys(await list.json())).toEqual(['error']);
      expect((await get(`/api/mystery/scenarios/${scenario.id}`, h)).status).toBe(404);
      expect((await req('POST', `/api/mystery/scenarios/${scenario.id}/retire`, h)).status).toBe(403);
    }
    const [row] = await t.db
      .select()
      .from(schema.mysteryScenarios)
      .where(and(eq(schema.mysteryScenarios.id, scenario.id)));
    expect(row!.retiredAt).toBeNull();
  });
});
