// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { contactCipher } from '@attentive/core';
import { drawDueCallbackLists } from '@attentive/core/surveys/lists/draw-due-lists';
import { STANDARD_INTRO, STANDARD_QUESTIONS } from '@attentive/shared/surveys';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests } from './support/requests.ts';
import { TEST_CONTACT_KEY } from './support/callback-items.ts';

/**
 * Callback plans and daily lists through the API (issue 14): a plan is kept with optimistic versions and
 * checked rules; a day's list is drawn once from the delay window (edges included/excluded as documented),
 * leaving out calls already drawn, opted-out customers, customers without contact details and customers
 * drawn recently, one call per customer; the day view shows no contact details; verify recomputes the list
 * from the snapshot, is not fooled by later imports or opt-outs, and names a tampered item.
 */

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Session = Awaited<ReturnType<typeof signInAs>>;
let admin: Session, qa: Session, lead: Session, caller: Session;
let templateId: number;
// Wednesday 2 December 2026, 11:00 in Amsterdam (the tenant's zone, UTC+1).
const NOW = new Date('2026-12-02T10:00:00Z');
const H = 3_600_000;
const cipher = contactCipher(TEST_CONTACT_KEY);

const { req } = jsonRequests(() => app);
const call = async (who: Session | null, method: string, path: string, body?: unknown) => {
  const res = await req(method, path, who?.headers ?? {}, body);
  return { status: res.status, body: (await res.json()) as any };
};

const callIds: Record<string, number> = {};
let ext = 0;
async function addCall(name: string, startedAt: Date, customerRef: string | null, program = () => org.programs.a.id) {
  const [row] = await t.db
    .insert(schema.calls)
    .values({
      tenantId: org.tenantId,
      source: 'test',
      externalId: `cb-${++ext}`,
      programId: program(),
      agentId: org.agents.a1.id,
      direction: 'inbound',
      startedAt,
      answerSeconds: 10,
      talkSeconds: 200,
      holdSeconds: 0,
      transfers: 0,
      customerRef
    })
    .returning({ id: schema.calls.id });
  callIds[name] = row!.id;
  return row!.id;
}
async function addContact(ref: string, o: { phone?: boolean; email?: boolean; optedOutAt?: Date } = {}) {
  await t.db.insert(schema.customerContacts).values({
    tenantId: org.tenantId,
    customerRef: ref,
    phoneCipher: o.phone === false ? null : cipher.encrypt('+31 6 1234 5678'),
    emailCipher: o.email ? cipher.encrypt(`${ref}@example.test`) : null,
    optedOutAt: o.optedOutAt ?? null,
    eraseAfter: new Date(NOW.getTime() + 90 * 86_400_000),
    updatedAt: NOW
  });
}

const plan = (over: Record<string, unknown> = {}) => ({
  version: 0,
  templateId,
  channel: 'phone',
  dailyCount: 50,
  delayMinHours: 24,
  delayMaxHours: 72,
  quietDays: 30,
  maxAttempts: 3,
  retryMinutes: 240,
  linkValidHours: 72,
  active: true,
  ...over
});
const plansPath = () => `/api/surveys/plans/${org.programs.a.id}`;
const draws = async () => Number((await t.db.select({ n: count() }).from(schema.callbackDraws))[0]!.n);

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', CONTACT_DATA_KEY: TEST_CONTACT_KEY }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 0 });
  const tenantId = org.tenantId;
  admin = await signInAs(app, t.db, { tenantId, grants: [{ role: 'admin' }] });
  qa = await signInAs(app, t.db, { tenantId, grants: [{ role: 'qa_analyst' }] });
  lead = await signInAs(app, t.db, { tenantId, grants: [{ role: 'team_lead' }] });
  caller = await signInAs(app, t.db, { tenantId, grants: [{ role: 'survey_caller' }] });
  const [tpl] = await t.db.insert(schema.surveyTemplates).values({ tenantId, programId: org.programs.a.id, createdBy: 'test' }).returning();
  await t.db.insert(schema.surveyTemplateVersions).values({
    tenantId,
    templateId: tpl!.id,
    version: 1,
    name: 'Standard survey',
    intro: STANDARD_INTRO,
    questions: STANDARD_QUESTIONS,
    createdBy: 'test'
  });
  templateId = tpl!.id;

  // Today's window (draw at NOW): [Nov 29 10:00Z, Dec 1 10:00Z). Yesterday's (06:00 local = 05:00Z): [Nov 28 05:00Z, Nov 30 05:00Z).
  const start = new Date(NOW.getTime() - 72 * H);
  const end = new Date(NOW.getTime() - 24 * H);
  await addContact('edge-start');
  await addCall('edgeStart', start, 'edge-start'); // first instant of the window: in (also yesterday's: drawn then)
  await addContact('edge-end');
  await addCall('edgeEnd', end, 'edge-end'); // end is excluded
  await addContact('before');
  await addCall('before', new Date(start.getTime() - 1), 'before'); // just before the window (only yesterday's)
  await addContact('opted', { optedOutAt: new Date('2026-11-20T00:00:00Z') });
  await addCall('opted', new Date('2026-11-30T12:00:00Z'), 'opted');
  await addCall('noRow', new Date('2026-11-30T12:05:00Z'), 'no-row');
  await addCall('noRef', new Date('2026-11-30T12:06:00Z'), null);
  await addContact('mail-only', { phone: false, email: true });
  await addCall('mailOnly', new Date('2026-11-30T12:10:00Z'), 'mail-only');
  await addContact('recent');
  await addCall('recentOld', new Date('2026-11-28T12:00:00Z'), 'recent'); // in yesterday's window only
  await addCall('recentNew', new Date('2026-11-30T12:15:00Z'), 'recent'); // in today's only
  await addContact('twice');
  await addCall('twice1', new Date('2026-11-30T20:00:00Z'), 'twice');
  await addCall('twice2', new Date('2026-12-01T08:00:00Z'), 'twice');
  for (let i = 0; i < 6; i++) {
    await addContact(`plain-${i}`);
    await addCall(`plain${i}`, new Date(Date.UTC(2026, 10, 30, 14, i)), `plain-${i}`);
  }
  await addContact('other-program');
  await addCall('otherProgram', new Date('2026-11-30T13:00:00Z'), 'other-program', () => org.programs.b.id);
});
afterAll(() => t.cleanup());

describe('callback plans', () => {
  it('only admins and QA analysts; bad rules → 400 naming the field; nothing stored', async () => {
    for (const who of [lead, caller]) {
      expect((await call(who, 'GET', plansPath())).status).toBe(403);
      expect((await call(who, 'PUT', plansPath(), plan())).status).toBe(403);
    }
    expect((await call(null, 'GET', plansPath())).status).toBe(401);
    const cases: [Record<string, unknown>, string][] = [
      [{ delayMinHours: 72, delayMaxHours: 24 }, 'delayMaxHours'],
      [{ delayMinHours: 48, delayMaxHours: 48 }, 'delayMaxHours'],
      [{ delayMaxHours: 15 * 24 }, 'delayMaxHours'],
      [{ dailyCount: 0 }, 'dailyCount'],
      [{ dailyCount: 2.5 }, 'dailyCount'],
      [{ channel: 'fax' }, 'channel'],
      [{ maxAttempts: 0 }, 'maxAttempts'],
      [{ templateId: 999999 }, 'templateId']
    ];
    for (const [over, path] of cases) {
      const r = await call(admin, 'PUT', plansPath(), plan(over));
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await call(admin, 'GET', '/api/surveys/plans/0x10')).status).toBe(400);
    expect((await call(admin, 'GET', '/api/surveys/plans/1e3')).status).toBe(400);
    expect((await call(admin, 'GET', '/api/surveys/plans/999999')).status).toBe(404);
    expect(Number((await t.db.select({ n: count() }).from(schema.callbackPlans))[0]!.n)).toBe(0);
  });

  it('creates at version 0, changes with the version read, refuses a stale one, audits each change', async () => {
    const empty = await call(qa, 'GET', plansPath());
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ plan: null, templates: [{ id: templateId, name: 'Standard survey', retired: false }] });
    const created = await call(qa, 'PUT', plansPath(), plan({ dailyCount: 20 }));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ version: 1, dailyCount: 20, channel: 'phone' });
    expect((await call(qa, 'PUT', plansPath(), plan({ dailyCount: 30 }))).status).toBe(409); // version 0 again
    const changed = await call(qa, 'PUT', plansPath(), plan({ version: 1, dailyCount: 50 }));
    expect(changed.body).toMatchObject({ version: 2, dailyCount: 50 });
    const same = await call(qa, 'PUT', plansPath(), plan({ version: 2 }));
    expect(same.body.version).toBe(2); // saving what is there writes nothing
    const audits = await t.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(sql`${schema.auditLog.action} like 'callback_plan.%'`);
    expect(audits.map((a) => a.action)).toEqual(['callback_plan.create', 'callback_plan.update']);
  });
});

describe('daily callback lists', () => {
  let yesterday: number, today: number;

  it("draws a missed day's list as of its 06:00: the window's calls, already-drawn ones left out later", async () => {
    const r = await call(qa, 'POST', '/api/surveys/draws', { programId: org.programs.a.id, day: '2026-12-01' });
    expect(r.status).toBe(201);
    yesterday = r.body.drawId;
    const d = await call(qa, 'GET', `/api/surveys/draws/${yesterday}`);
    const ids = d.body.items.map((i: { callId: number }) => i.callId).sort((a: number, b: number) => a - b);
    expect(ids).toEqual([callIds.edgeStart!, callIds.before!, callIds.recentOld!].sort((a, b) => a - b));
    expect(d.body).toMatchObject({ day: '2026-12-01', windowStart: '2026-11-28T05:00:00.000Z', windowEnd: '2026-11-30T05:00:00.000Z' });
  });

  it("today's list: window edges, exclusions in order, one call per customer, items open and callable now", async () => {
    const before = await draws();
    const r = await call(qa, 'POST', '/api/surveys/draws', { programId: org.programs.a.id });
    expect(r.status).toBe(201);
    today = r.body.drawId;
    expect(r.body.excluded).toEqual({ alreadyDrawn: 1, optedOut: 1, noContact: 3, recentlySurveyed: 1 });
    const d = await call(qa, 'GET', `/api/surveys/draws/${today}`);
    const drawn = new Set(d.body.items.map((i: { callId: number }) => i.callId));
    for (const name of ['edgeEnd', 'before', 'opted', 'noRow', 'noRef', 'mailOnly', 'recentNew', 'edgeStart', 'otherProgram'])
      expect(drawn.has(callIds[name]), name).toBe(false);
    for (let i = 0; i < 6; i++) expect(drawn.has(callIds[`plain${i}`])).toBe(true);
    expect([callIds.twice1, callIds.twice2].filter((id) => drawn.has(id))).toHaveLength(1); // one call per customer
    expect(d.body.populationSize).toBe(8); // 6 plain + both calls of 'twice'
    expect(d.body.items).toHaveLength(7);
    expect(d.body.statuses).toMatchObject({ open: 7, completed: 0 });
    expect(d.body.items[0]).toMatchObject({ status: 'open', attempts: 0, nextAttemptAt: NOW.toISOString() });
    // Never contact details (nor their ciphertext) in the day view.
    const text = JSON.stringify(d.body);
    expect(text).not.toMatch(/\+31|example\.test|v1\./);
    expect(await draws()).toBe(before + 1);
    const [audit] = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'callback_draw.create'), eq(schema.auditLog.objectId, String(today))));
    expect(audit).toBeDefined();
  });

  it('a day is drawn once: 409 by hand, the same draw for the scheduler; future and too-old days refused', async () => {
    expect((await call(qa, 'POST', '/api/surveys/draws', { programId: org.programs.a.id })).status).toBe(409);
    expect((await call(qa, 'POST', '/api/surveys/draws', { programId: org.programs.a.id, day: '2026-12-03' })).status).toBe(400);
    const old = await call(qa, 'POST', '/api/surveys/draws', { programId: org.programs.a.id, day: '2026-11-01' });
    expect(old.status).toBe(400);
    expect(old.body.error.details[0].path).toBe('day');
    expect((await call(qa, 'POST', '/api/surveys/draws', { programId: org.programs.a.id, day: '2026-02-30' })).status).toBe(400);
    expect((await call(qa, 'POST', '/api/surveys/draws', { programId: org.programs.b.id })).status).toBe(412); // no plan
    const due = await drawDueCallbackLists({ db: t.db, now: NOW });
    expect(due).toEqual([{ planId: expect.any(Number), day: '2026-12-02', outcome: 'exists', drawId: today }]);
  });

  it('lists the days with counts by status', async () => {
    const r = await call(qa, 'GET', `/api/surveys/draws?programId=${org.programs.a.id}`);
    expect(r.status).toBe(200);
    const a = r.body.programs.find((p: { programId: number }) => p.programId === org.programs.a.id);
    expect(a.draws.map((d: { day: string }) => d.day)).toEqual(['2026-12-02', '2026-12-01']);
    expect(a.draws[0].statuses.open).toBe(7);
    expect(r.body.today).toBe('2026-12-02');
    expect((await call(qa, 'GET', '/api/surveys/draws?from=2026-12-05&to=2026-12-01')).status).toBe(400);
    expect((await call(qa, 'GET', '/api/surveys/draws?programId=%201')).status).toBe(400);
  });

  it('verify: recomputes both lists; later imports and opt-outs do not change the verdict', async () => {
    for (const id of [yesterday, today]) {
      const v = await call(qa, 'GET', `/api/surveys/draws/${id}/verify`);
      expect(v.status).toBe(200);
      expect(v.body, JSON.stringify(v.body.checks)).toMatchObject({ ok: true, firstDifference: null });
    }
    await addContact('late');
    await addCall('late', new Date('2026-11-30T16:00:00Z'), 'late'); // an old call imported after the draw
    const drawnContact = (await t.db.select().from(schema.callbackItems).where(eq(schema.callbackItems.drawId, today)))[0]!.contactId;
    await t.db.update(schema.customerContacts).set({ optedOutAt: NOW }).where(eq(schema.customerContacts.id, drawnContact));
    const v = await call(qa, 'GET', `/api/surveys/draws/${today}/verify`);
    expect(v.body.ok).toBe(true);
  });

  it('verify names a tampered item', async () => {
    const items = await t.db.select().from(schema.callbackItems).where(eq(schema.callbackItems.drawId, today));
    // Someone with database access swaps a drawn call for one that was not drawn (the freeze trigger removed first).
    await t.db.run(sql`DROP TRIGGER callback_items_drawn_frozen`);
    await t.db.update(schema.callbackItems).set({ callId: callIds.mailOnly }).where(eq(schema.callbackItems.id, items[0]!.id));
    const v = await call(qa, 'GET', `/api/surveys/draws/${today}/verify`);
    expect(v.body.ok).toBe(false);
    expect(v.body.firstDifference).toContain(`item ${items[0]!.id}`);
    expect(v.body.checks.find((c: { name: string }) => c.name === 'draw').ok).toBe(false);
  });
});

describe('the scheduler', () => {
  it('draws each active plan once a day from 06:00 local time, and only once', async () => {
    await call(qa, 'PUT', plansPath(), plan({ version: 2 }));
    const early = await drawDueCallbackLists({ db: t.db, now: new Date('2026-12-03T04:30:00Z') }); // 05:30 local
    expect(early.map((r) => r.outcome)).toEqual(['not_yet']);
    const at = new Date('2026-12-03T05:10:00Z'); // 06:10 local
    const first = await drawDueCallbackLists({ db: t.db, now: at });
    expect(first).toMatchObject([{ day: '2026-12-03', outcome: 'drawn' }]);
    const again = await Promise.all([drawDueCallbackLists({ db: t.db, now: at }), drawDueCallbackLists({ db: t.db, now: at })]);
    expect(again.flat().map((r) => r.outcome)).toEqual(['exists', 'exists']);
    const [d] = await t.db.select().from(schema.callbackDraws).where(eq(schema.callbackDraws.day, '2026-12-03'));
    expect(d).toMatchObject({ trigger: 'schedule', requestedBy: 'system:scheduler' });
  });
});
