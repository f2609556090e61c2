// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests } from './support/requests.ts';
import { callbackItems, TEST_CONTACT_KEY } from './support/callback-items.ts';
import { startSmtpSink, tokenIn } from './support/smtp-sink.ts';
import { CLIENT_ADDRESS_HEADER } from '../src/middleware/public-rate-limit.ts';

/**
 * Single-use survey links through the API (issue 14): invitations over a real SMTP server on localhost, the
 * public page's three routes with no session, single use, expiry, the rate limit, nothing else reachable
 * with a token, and the token in no log line and no audit row.
 */

const START = new Date('2026-12-02T12:00:00Z');
let clock = START;
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
type Session = Awaited<ReturnType<typeof signInAs>>;
let qa: Session, caller: Session;
let made: Awaited<ReturnType<typeof callbackItems>>;
const logged: string[] = [];

const { req } = jsonRequests(() => app);
let address = 0;
/** Each test speaks from its own address, so the rate limit of one does not reach another. */
let from = '10.0.0.1';
const call = async (who: Session | null, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
  const res = await req(method, path, { ...(who?.headers ?? {}), [CLIENT_ADDRESS_HEADER]: from, ...extra }, body);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};
const good = { csat: 4, solved: true, effort: 6, recommend: 9 };
const count = async (table: typeof schema.surveyResponses | typeof schema.surveyLinks) =>
  (await t.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestDb();
  org = await createFixtureOrg(t.db, { callsPerAgent: 4, start: new Date('2026-11-30T09:00:00Z') });
  const env = loadEnv({
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    CONTACT_DATA_KEY: TEST_CONTACT_KEY,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Survey <survey@attentive.test>',
    ORIGIN: 'http://localhost',
    SURVEY_LINK_LIMIT_PER_MINUTE: '30'
  });
  app = createApp({ db: t.db, env, now: () => clock });
  qa = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
  caller = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'survey_caller' }] });
  const callIds = org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);
  made = await callbackItems(t.db, { callIds: callIds.slice(0, 5), channel: 'link', now: START });
  // The last customer gave no e-mail address; the fourth prefers Dutch.
  await t.db.update(schema.customerContacts).set({ emailCipher: null }).where(eq(schema.customerContacts.id, made.items[4]!.contactId));
  await t.db.update(schema.customerContacts).set({ language: 'nl' }).where(eq(schema.customerContacts.id, made.items[3]!.contactId));
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await smtp.close();
  t.cleanup();
});

describe('invitations over SMTP', () => {
  it('mails each customer with an address a link in their language; one without stays not sent; a second send sends nothing', async () => {
    from = `10.0.1.${++address}`;
    const sent = await call(qa, 'POST', `/api/surveys/draws/${made.drawId}/invitations`);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sent: 4, noEmail: 1, alreadySent: 0, closed: 0 });
    expect(smtp.received).toHaveLength(4);
    const dutch = smtp.received.find((m) => m.to[0] === 'customer-3@example.test')!;
    expect(dutch.subject).toMatch(/hoe was uw gesprek met ons\?/);
    expect(dutch.text).toContain('http://localhost/s/');
    const english = smtp.received.find((m) => m.to[0] === 'customer-0@example.test')!;
    expect(english.subject).toMatch(/how was your call with us\?/);
    expect(tokenIn(english)).not.toBeNull();

    // Only the hash is stored.
    const links = await t.db.select().from(schema.surveyLinks);
    expect(links).toHaveLength(4);
    for (const m of smtp.received) expect(links.map((l) => l.tokenHash)).not.toContain(tokenIn(m));

    const again = await call(qa, 'POST', `/api/surveys/draws/${made.drawId}/invitations`);
    expect(again.body).toEqual({ sent: 0, noEmail: 1, alreadySent: 4, closed: 0 });
    expect(smtp.received).toHaveLength(4);

    const list = await call(qa, 'GET', `/api/surveys/links?drawId=${made.drawId}`);
    expect(list.status).toBe(200);
    expect(list.body.counts).toMatchObject({ items: 5, sent: 4, notSent: 1 });
    const text = JSON.stringify(list.body);
    expect(text).not.toContain('customer-0@example.test');
    expect(list.body.items[0].emailMasked).toBe('c•••@e•••.test');
    for (const m of smtp.received) expect(text).not.toContain(tokenIn(m)!);
  });

  it('a refusing mail server: a clear error, the link not stored as sent', async () => {
    from = `10.0.1.${++address}`;
    const callIds = org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);
    const more = await callbackItems(t.db, { callIds: callIds.slice(5, 7), channel: 'link', day: '2026-12-01', now: START });
    const links = await count(schema.surveyLinks);
    smtp.state.refuse = true;
    try {
      const res = await call(qa, 'POST', `/api/surveys/draws/${more.drawId}/invitations`);
      expect(res.status).toBe(412);
      expect(res.body.error.message).toMatch(/mail server did not accept.*0 invitation\(s\) were sent before/);
    } finally {
      smtp.state.refuse = false;
    }
    expect(await count(schema.surveyLinks)).toBe(links);
    const retry = await call(qa, 'POST', `/api/surveys/draws/${more.drawId}/invitations`);
    expect(retry.body.sent).toBe(2);
  });

  it('only managers send or list; ids in any other spelling are refused', async () => {
    from = `10.0.1.${++address}`;
    expect((await call(caller, 'POST', `/api/surveys/draws/${made.drawId}/invitations`)).status).toBe(403);
    expect((await call(null, 'GET', `/api/surveys/links?drawId=${made.drawId}`)).status).toBe(401);
    expect((await call(qa, 'POST', `/api/surveys/draws/0x10/invitations`)).status).toBe(400);
    expect((await call(qa, 'GET', `/api/surveys/links?drawId=1e3`)).status).toBe(400);
    expect((await call(qa, 'GET', `/api/surveys/links?drawId=999999`)).status).toBe(404);
  });
});

describe('the public survey page', () => {
  const tokenOf = (email: string) => tokenIn(smtp.received.find((m) => m.to[0] === email)!)!;

  it('opens without a session: brand, call day, questions in both languages — nothing else about the call', async () => {
    from = `10.0.2.${++address}`;
    const res = await call(null, 'GET', `/api/public/surveys/${tokenOf('customer-3@example.test')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.body).toMatchObject({ brand: org.clients.a.name, language: 'nl', callDay: expect.stringMatching(/^2026-1[12]-\d\d$/) });
    expect(res.body.questions.map((q: { id: string }) => q.id)).toContain('csat');
    expect(Object.keys(res.body).sort()).toEqual(['brand', 'callDay', 'expiresAt', 'intro', 'language', 'questions']);
    expect(JSON.stringify(res.body)).not.toMatch(/attribution|agent/i);
  });

  it('accepts one response, then refuses (410) and stores nothing more; bad answers name the question and leave the link working', async () => {
    from = `10.0.2.${++address}`;
    const token = tokenOf('customer-0@example.test');
    const bad = await call(null, 'POST', `/api/public/surveys/${token}`, { language: 'en', answers: { ...good, csat: 6 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['answers.csat']);
    const responses = await count(schema.surveyResponses);
    const ok = await call(null, 'POST', `/api/public/surveys/${token}`, { language: 'en', answers: good });
    expect(ok.status).toBe(201);
    expect(await count(schema.surveyResponses)).toBe(responses + 1);
    const [resp] = await t.db.select().from(schema.surveyResponses).where(eq(schema.surveyResponses.itemId, made.items[0]!.id));
    expect(resp).toMatchObject({ channel: 'link', callerId: null, csat: 4, language: 'en' });
    const twice = await call(null, 'POST', `/api/public/surveys/${token}`, { language: 'en', answers: good });
    expect(twice.status).toBe(410);
    expect(twice.body.error).toMatchObject({ code: 'GONE', details: [{ path: 'token', message: 'used' }] });
    expect((await call(null, 'GET', `/api/public/surveys/${token}`)).status).toBe(410);
    expect(await count(schema.surveyResponses)).toBe(responses + 1);
    const list = await call(qa, 'GET', `/api/surveys/links?drawId=${made.drawId}`);
    expect(list.body.counts).toMatchObject({ answered: 1, sent: 3 });
  });

  it('opt-out: the customer is not asked again, the item closes as declined, the link is used up', async () => {
    from = `10.0.2.${++address}`;
    const token = tokenOf('customer-1@example.test');
    const res = await call(null, 'POST', `/api/public/surveys/${token}/opt-out`);
    expect(res.status).toBe(200);
    const [contact] = await t.db.select().from(schema.customerContacts).where(eq(schema.customerContacts.id, made.items[1]!.contactId));
    expect(contact!.optedOutAt).toEqual(clock);
    const [item] = await t.db.select().from(schema.callbackItems).where(eq(schema.callbackItems.id, made.items[1]!.id));
    expect(item!.status).toBe('declined');
    expect((await call(null, 'POST', `/api/public/surveys/${token}`, { language: 'en', answers: good })).status).toBe(410);
  });

  it('expires: after linkValidHours the link answers 410 expired and stores nothing', async () => {
    from = `10.0.2.${++address}`;
    const token = tokenOf('customer-2@example.test');
    clock = new Date(START.getTime() + 72 * 3_600_000);
    try {
      const res = await call(null, 'POST', `/api/public/surveys/${token}`, { language: 'en', answers: good });
      expect(res.status).toBe(410);
      expect(res.body.error.details[0].message).toBe('expired');
      const list = await call(qa, 'GET', `/api/surveys/links?drawId=${made.drawId}`);
      expect(list.body.counts.expired).toBeGreaterThanOrEqual(1);
    } finally {
      clock = START;
    }
    expect(await t.db.select().from(schema.surveyResponses).where(eq(schema.surveyResponses.itemId, made.items[2]!.id))).toHaveLength(0);
  });

  it('an unknown or malformed token is 404, the same for both; a token is no bearer token and opens nothing else', async () => {
    from = `10.0.2.${++address}`;
    const unknown = await call(null, 'GET', `/api/public/surveys/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    const malformed = await call(null, 'GET', `/api/public/surveys/..%2F..%2Fme`);
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.message).toBe(unknown.body.error.message);
    const token = tokenOf('customer-3@example.test');
    // The public family has three routes and nothing else.
    expect((await call(null, 'GET', `/api/public/surveys/${token}/answers`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/public/me`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/public/calls`)).status).toBe(404);
    expect((await call(null, 'DELETE', `/api/public/surveys/${token}`)).status).toBe(404);
    // Used as a bearer token anywhere else: 401.
    expect((await call(null, 'GET', `/api/me`, undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    // A session sent along is not read on the public routes: nothing changes, no cookie refreshed.
    const withSession = await call(qa, 'GET', `/api/public/surveys/${token}`);
    expect(withSession.status).toBe(200);
    expect(withSession.headers.get('set-cookie')).toBeNull();
  });

  it('rate limit: more than SURVEY_LINK_LIMIT_PER_MINUTE requests from one address get 429 with Retry-After; another address is served', async () => {
    from = `10.0.3.${++address}`;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await req('GET', `/api/public/surveys/${'B'.repeat(43)}`, { [CLIENT_ADDRESS_HEADER]: from });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const other = await req('GET', `/api/public/surveys/${'B'.repeat(43)}`, { [CLIENT_ADDRESS_HEADER]: '10.9.9.9' });
    expect(other.status).toBe(404);
    // The signed-in API is not limited by it.
    expect((await call(qa, 'GET', `/api/surveys/links?drawId=${made.drawId}`)).status).toBe(200);
  });

  it('a brute-force sweep of 10,000 random tokens finds nothing and is rate-limited', async () => {
    const { randomBytes } = await import('node:crypto');
    const sweeper = '10.0.4.1';
    const counts: Record<number, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const res = await req('GET', `/api/public/surveys/${randomBytes(32).toString('base64url')}`, { [CLIENT_ADDRESS_HEADER]: sweeper });
      counts[res.status] = (counts[res.status] ?? 0) + 1;
    }
    expect(counts[200]).toBeUndefined();
    expect(counts[404]).toBe(30);
    expect(counts[429]).toBe(10_000 - 30);
  }, 60_000);

  it('the token is in no log line and no audit row', async () => {
    const tokens = smtp.received.map(tokenIn).filter((x): x is string => !!x);
    expect(logged.some((l) => l.includes('/api/public/surveys/:token'))).toBe(true);
    for (const tok of tokens) expect(logged.join('\n')).not.toContain(tok);
    const audit = JSON.stringify(await t.db.select().from(schema.auditLog));
    for (const tok of tokens) expect(audit).not.toContain(tok);
    expect(audit).toContain('respondent:link');
  });
});
