// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { TEST_CONTACT_KEY, callbackItems } from './support/callback-items.ts';

// The survey caller's queue against a real database: the queue's order and counts, the atomic claim (two
// callers at once, stale claims), the script (phone number for the holder only, never scores), the retry
// rules through appendAttempt, opt-out, and the answers through recordSurveyResponse.

const T0 = new Date('2026-12-02T09:00:00Z');
let clock = T0;
const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
const { req, get } = jsonRequests(() => app);

const GOOD = { csat: 4, solved: true, effort: 6, recommend: 9, comment: 'Quick and kind.' };

/** A tenant of its own per test (so queues do not mix): its org, phone items for program a, and people. */
async function world(o: { items?: number; maxAttempts?: number; retryMinutes?: number; ranks?: string[] } = {}) {
  const org = await createFixtureOrg(t.db, { callsPerAgent: 3, start: new Date('2026-11-29T09:00:00Z') });
  const callIds = org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);
  const made = await callbackItems(t.db, {
    callIds: callIds.slice(0, o.items ?? 3),
    now: clock,
    day: '2026-12-01',
    maxAttempts: o.maxAttempts,
    retryMinutes: o.retryMinutes,
    ranks: o.ranks
  });
  const sign = async (role: 'survey_caller' | 'agent' | 'qa_analyst', name: string) =>
    signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role }], name });
  const ann = await sign('survey_caller', 'Ann Caller');
  const bob = await sign('survey_caller', 'Bob Caller');
  const qa = await sign('qa_analyst', 'Quinn QA');
  return { org, made, ann: ann.headers, bob: bob.headers, qa: qa.headers, annId: ann.personId, bobId: bob.personId, callIds };
}

const itemRow = async (id: number) => (await t.db.select().from(schema.callbackItems).where(eq(schema.callbackItems.id, id)))[0]!;
const claim = async (h: H, itemId?: number) => req('POST', '/api/surveys/queue/claim', h, itemId ? { itemId } : {});
const claimed = async (h: H, itemId?: number) => {
  const res = await claim(h, itemId);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { itemId: number | null }).itemId;
};
const queue = async (h: H) => {
  const res = await get('/api/surveys/queue', h);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as {
    items: { id: number; mine: boolean; attempts: number }[];
    counts: { dueNow: number; laterToday: number; myAttemptsToday: number; myCompletedToday: number };
  };
};
const attempt = (h: H, id: number, body: unknown) => req('POST', `/api/surveys/queue/${id}/attempts`, h, body);
const respond = (h: H, id: number, body: unknown) => req('POST', `/api/surveys/queue/${id}/response`, h, body);

async function expectBad(res: Response, path: string) {
  expect(res.status, await res.clone().text()).toBe(400);
  const body = (await res.json()) as { error: { details: { path: string }[] } };
  expect(body.error.details.map((d) => d.path)).toContain(path);
}

/** Every key anywhere in a JSON value. */
const keysOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(keysOf) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : [];

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', CONTACT_DATA_KEY: TEST_CONTACT_KEY }), now: () => clock });
});
afterAll(() => t.cleanup());

describe('the queue', () => {
  it('is for survey callers only', async () => {
    const w = await world();
    expect((await get('/api/surveys/queue', w.qa)).status).toBe(403);
    expect((await claim(w.qa)).status).toBe(403);
    expect((await get(`/api/surveys/queue/${w.made.items[0]!.id}`, w.qa)).status).toBe(403);
  });

  it('lists due phone items oldest draw first in rank order, skips opted-out, erased and link items, and counts', async () => {
    // the first item ranks last of its draw
    const w = await world({ items: 4, ranks: ['f'.repeat(64), '1'.padStart(64, '0'), '2'.padStart(64, '0'), '3'.padStart(64, '0')] });
    // a newer draw's item comes after every item of the older draw, whatever its rank
    const newer = await callbackItems(t.db, { callIds: [w.callIds[4]!], now: clock, day: '2026-12-02' });
    const [i0, i1, i2, i3] = w.made.items;
    await t.db.update(schema.customerContacts).set({ optedOutAt: clock }).where(eq(schema.customerContacts.id, i1!.contactId));
    await t.db
      .update(schema.customerContacts)
      .set({ erasedAt: clock, phoneCipher: null, emailCipher: null })
      .where(eq(schema.customerContacts.id, i2!.contactId));
    const link = await callbackItems(t.db, {
      callIds: w.org.calls.filter((c) => c.programId === w.org.programs.b.id).map((c) => c.id),
      now: clock,
      channel: 'link'
    });
    const q = await queue(w.ann);
    expect(q.items.map((i) => i.id)).toEqual([i3!.id, i0!.id, newer.items[0]!.id]);
    expect(q.items.some((i) => link.items.some((l) => l.id === i.id))).toBe(false);
    expect(q.counts).toEqual({ dueNow: 3, laterToday: 0, myAttemptsToday: 0, myCompletedToday: 0 });
    expect(keysOf(q).filter((k) => /phone|email|score/i.test(k))).toEqual([]);
  });
});

describe('claiming', () => {
  it('gives the next due item, returns the held one again, and hides it from another caller', async () => {
    const w = await world();
    const first = await claimed(w.ann);
    expect(first).toBe(w.made.items[0]!.id);
    expect(await claimed(w.ann)).toBe(first); // one customer at a time
    expect(await claimed(w.bob)).toBe(w.made.items[1]!.id);
    expect((await get(`/api/surveys/queue/${first}`, w.bob)).status).toBe(404);
    expect((await attempt(w.bob, first!, { outcome: 'no_answer' })).status).toBe(404);
    expect((await claim(w.qa)).status).toBe(403);
    const q = await queue(w.ann);
    expect(q.items[0]).toMatchObject({ id: first, mine: true });
    expect(q.items.map((i) => i.id)).not.toContain(w.made.items[1]!.id); // Bob's
    const row = await itemRow(first!);
    expect(row.claimedBy).toBe(w.annId);
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'callback_item.claim'), eq(schema.auditLog.objectId, String(first))));
    expect(audit).toHaveLength(1);
  });

  it('two callers pressing at once get two different items; the same item: one wins, the other gets 409', async () => {
    const w = await world({ items: 4 });
    const [a, b] = await Promise.all([claimed(w.ann), claimed(w.bob)]);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a).not.toBe(b);
    const v = await world({ items: 2 });
    const target = v.made.items[1]!.id;
    const res = await Promise.all([claim(v.ann, target), claim(v.bob, target)]);
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = res[0]!.status === 200 ? v.annId : v.bobId;
    expect((await itemRow(target)).claimedBy).toBe(winner);
  });

  it('a claim older than 30 minutes may be taken over; the first caller then no longer sees the item', async () => {
    const w = await world({ items: 1 });
    const id = await claimed(w.ann);
    expect(await claimed(w.bob)).toBeNull(); // nothing else due
    tick(29);
    expect(await claimed(w.bob)).toBeNull();
    tick(2);
    expect(await claimed(w.bob)).toBe(id);
    expect((await get(`/api/surveys/queue/${id}`, w.ann)).status).toBe(404);
  });

  it('a given item: 404 when unknown or of another tenant, 409 when not due; release gives it back', async () => {
    const w = await world({ items: 2 });
    const other = await world({ items: 1 });
    expect((await claim(w.ann, 99_999_999)).status).toBe(404);
    expect((await claim(w.ann, other.made.items[0]!.id)).status).toBe(404);
    const id = w.made.items[1]!.id;
    expect(await claimed(w.ann, id)).toBe(id);
    expect((await claim(w.ann, w.made.items[0]!.id)).status).toBe(409); // finish the held one first
    expect((await req('POST', `/api/surveys/queue/${id}/release`, w.bob)).status).toBe(404);
    expect((await req('POST', `/api/surveys/queue/${id}/release`, w.ann)).status).toBe(200);
    expect((await itemRow(id)).claimedBy).toBeNull();
    expect(await claimed(w.bob, id)).toBe(id);
  });

  it('refuses other spellings of an item id with 400, a bad body with 400 naming the field', async () => {
    const w = await world({ items: 1 });
    for (const s of ['0x10', '%201', '1e3', '01', '-1', 'abc']) expect((await get(`/api/surveys/queue/${s}`, w.ann)).status, s).toBe(400);
    await expectBad(await claim(w.ann, 'x' as unknown as number), 'itemId');
  });
});

describe('the script', () => {
  it("shows the call's facts, the agent's first name, the phone number and the questions in the customer's language — no scores", async () => {
    const w = await world({ items: 1 });
    const item = w.made.items[0]!;
    await t.db.update(schema.customerContacts).set({ language: 'en' }).where(eq(schema.customerContacts.id, item.contactId));
    await t.db.update(schema.people).set({ name: 'Anna de Vries' }).where(eq(schema.people.id, w.org.agents.a1.id));
    const id = await claimed(w.ann);
    const res = await get(`/api/surveys/queue/${id}`, w.ann);
    expect(res.status, await res.clone().text()).toBe(200);
    const d = (await res.json()) as Record<string, unknown> & { questions: { id: string; text: string; scale: unknown }[] };
    expect(d).toMatchObject({
      id,
      status: 'open',
      attempts: 0,
      maxAttempts: 3,
      language: 'en',
      phone: '+31610000000',
      agentFirstName: 'Anna',
      call: { programName: 'Energy customer care', clientName: 'Energie Noord', queueName: 'Billing', reason: 'resolved' }
    });
    expect(d.intro).toMatch(/A few short questions/);
    expect(d.questions.find((q) => q.id === 'effort')).toMatchObject({ scale: { type: 'scale', min: 1, max: 7 } });
    expect(d.questions[0]!.text).toMatch(/How satisfied/);
    const keys = keysOf(d);
    expect(keys.filter((k) => /score|evaluation|email|rating/i.test(k))).toEqual([]);
    expect(JSON.stringify(d)).not.toContain('de Vries');
  });

  it('answers 412 when the server has no contact key', async () => {
    const w = await world({ items: 1 });
    const id = await claimed(w.ann);
    const keyless = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
    expect((await keyless.request(`/api/surveys/queue/${id}`, { headers: w.ann })).status).toBe(412);
  });
});

describe('attempts and the retry rules', () => {
  it('no answer: back in the queue after the plan spacing; max attempts → unreachable and gone', async () => {
    const w = await world({ items: 1, maxAttempts: 3, retryMinutes: 60 });
    const id = (await claimed(w.ann))!;
    const r1 = await attempt(w.ann, id, { outcome: 'no_answer' });
    expect(r1.status, await r1.clone().text()).toBe(201);
    expect(await r1.json()).toMatchObject({
      status: 'open',
      attempts: 1,
      closed: false,
      nextAttemptAt: new Date(clock.getTime() + 3_600_000).toISOString()
    });
    expect((await itemRow(id)).claimedBy).toBeNull(); // the attempt ends the claim
    let q = await queue(w.ann);
    expect(q.items).toEqual([]);
    expect(q.counts).toMatchObject({ dueNow: 0, laterToday: 1, myAttemptsToday: 1 });
    expect(await claimed(w.ann)).toBeNull();
    expect((await claim(w.bob, id)).status).toBe(409); // not due yet
    tick(59);
    expect(await claimed(w.bob)).toBeNull();
    tick(1);
    expect(await claimed(w.ann)).toBe(id);
    expect((await attempt(w.ann, id, { outcome: 'voicemail' })).status).toBe(201);
    tick(60);
    expect(await claimed(w.ann)).toBe(id);
    const last = await attempt(w.ann, id, { outcome: 'no_answer' });
    expect(await last.json()).toMatchObject({ status: 'unreachable', attempts: 3, closed: true, nextAttemptAt: null });
    tick(600);
    q = await queue(w.ann);
    expect(q.items).toEqual([]);
    expect(q.counts).toMatchObject({ dueNow: 0, laterToday: 0, myAttemptsToday: 3 });
    const attempts = await t.db.select().from(schema.callbackAttempts).where(eq(schema.callbackAttempts.itemId, id));
    expect(attempts.map((a) => a.outcome)).toEqual(['no_answer', 'voicemail', 'no_answer']);
  });

  it('a wrong number closes the item at once', async () => {
    const w = await world({ items: 1 });
    const id = (await claimed(w.ann))!;
    const res = await attempt(w.ann, id, { outcome: 'wrong_number', note: 'a pizzeria' });
    expect(await res.json()).toMatchObject({ status: 'wrong_number', closed: true });
    expect(await itemRow(id)).toMatchObject({ status: 'wrong_number', claimedBy: null, closedAt: clock });
    expect((await attempt(w.ann, id, { outcome: 'no_answer' })).status).toBe(404);
  });

  it('declined with opt-out: the customer is never asked again; opt-out only with declined; completed only by answers', async () => {
    const w = await world({ items: 2 });
    const id = (await claimed(w.ann))!;
    await expectBad(await attempt(w.ann, id, { outcome: 'no_answer', optOut: true }), 'optOut');
    await expectBad(await attempt(w.ann, id, { outcome: 'completed' }), 'outcome');
    await expectBad(await attempt(w.ann, id, { outcome: 'no_answer', note: 'x\u202Ey' }), 'note');
    expect((await itemRow(id)).attempts).toBe(0); // the refusals changed nothing
    const res = await attempt(w.ann, id, { outcome: 'declined', optOut: true });
    expect(await res.json()).toMatchObject({ status: 'declined', closed: true });
    const item = await itemRow(id);
    const [contact] = await t.db.select().from(schema.customerContacts).where(eq(schema.customerContacts.id, item.contactId));
    expect(contact!.optedOutAt).toEqual(clock);
    const audit = await t.db
      .select({ action: schema.auditLog.action, objectId: schema.auditLog.objectId })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.tenantId, w.org.tenantId));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'customer_contacts.opt_out', objectId: String(item.contactId) },
        { action: 'callback_item.attempt', objectId: String(id) }
      ])
    );
  });
});

describe('answers', () => {
  it('a bad answer is 400 naming the question and stores nothing; good answers complete the item and leave the queue', async () => {
    const w = await world({ items: 2 });
    const id = (await claimed(w.ann))!;
    const responses = async () => (await t.db.select({ n: sql<number>`count(*)` }).from(schema.surveyResponses))[0]!.n;
    const before = await responses();
    await expectBad(await respond(w.ann, id, { answers: { ...GOOD, csat: 9 } }), 'answers.csat');
    await expectBad(await respond(w.ann, id, { answers: { ...GOOD, solved: 'yes' } }), 'answers.solved');
    await expectBad(await respond(w.ann, id, { answers: { csat: 4 } }), 'answers.effort');
    await expectBad(await respond(w.ann, id, { answers: GOOD, language: 'de' }), 'language');
    expect(await responses()).toBe(before);
    expect((await respond(w.bob, id, { answers: GOOD })).status).toBe(404);
    const ok = await respond(w.ann, id, { answers: GOOD, language: 'en' });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const { responseId } = (await ok.json()) as { responseId: number };
    const [r] = await t.db.select().from(schema.surveyResponses).where(eq(schema.surveyResponses.id, responseId));
    expect(r).toMatchObject({ itemId: id, channel: 'phone', callerId: w.annId, language: 'en', csat: 4, ces: 6, nps: 9 });
    expect(await itemRow(id)).toMatchObject({ status: 'completed', claimedBy: null });
    expect((await respond(w.ann, id, { answers: GOOD })).status).toBe(404);
    const q = await queue(w.ann);
    expect(q.items.map((i) => i.id)).toEqual([w.made.items[1]!.id]);
    expect(q.counts).toMatchObject({ myAttemptsToday: 1, myCompletedToday: 1 });
  });

  it('a low answer raises an alert; no phone number or e-mail address ever reaches the audit log', async () => {
    const w = await world({ items: 1 });
    const id = (await claimed(w.ann))!;
    await get(`/api/surveys/queue/${id}`, w.ann);
    const ok = await respond(w.ann, id, { answers: { ...GOOD, csat: 1 } });
    expect(ok.status).toBe(201);
    const [alert] = await t.db
      .select()
      .from(schema.surveyAlerts)
      .innerJoin(schema.surveyResponses, eq(schema.surveyResponses.id, schema.surveyAlerts.responseId))
      .where(eq(schema.surveyResponses.itemId, id));
    expect(alert).toBeDefined();
    const leaks = await t.db
      .select({ id: schema.auditLog.id })
      .from(schema.auditLog)
      .where(sql`${schema.auditLog.after} like '%+3161%' or ${schema.auditLog.after} like '%example.test%'`);
    expect(leaks).toEqual([]);
  });
});
