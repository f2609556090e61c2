// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { Grant } from '@attentive/core';
import { loadEnv } from '../src/env.ts';
import { signInAs, tokenHeaders } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';

// 15 Nov 2026, 10:00 UTC: "this month" is 2026-11 on the Amsterdam clock.
const clock = new Date('2026-11-15T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let other: FixtureOrg;
type Who = 'admin' | 'qa' | 'lead' | 'agent' | 'auditorA' | 'auditorB' | 'adminOther';
const u = {} as Record<Who, H>;
let token: H;
const { req, get } = jsonRequests(() => app);

const QA_TARGET = {
  metric: 'qa_score',
  target: 80,
  step: 2,
  maxSteps: 3,
  money: { kind: 'percent', bonusPerStep: 100, malusPerStep: 150 }
};
const FCR_TARGET = {
  metric: 'fcr',
  target: 75,
  step: 5,
  maxSteps: 2,
  money: { kind: 'amount', bonusPerStep: 50_000, malusPerStep: 25_000 }
};
const terms = (over: Record<string, unknown> = {}) => ({
  validFrom: '2026-01',
  monthlyFeeCents: 4_500_000,
  targets: [QA_TARGET, FCR_TARGET],
  note: 'Clause 7.2',
  ...over
});
const url = (programId: number | string) => `/api/client/programs/${programId}/contract`;

const rowsOf = async (programId: number) =>
  t.db.select().from(schema.contractTerms).where(eq(schema.contractTerms.programId, programId)).orderBy(schema.contractTerms.version);
const auditCount = async () =>
  Number(
    (
      await t.db
        .select({ n: sql<number>`count(*)` })
        .from(schema.auditLog)
        .where(like(schema.auditLog.action, 'contract_terms.%'))
    )[0]!.n
  );
const termsCount = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(schema.contractTerms))[0]!.n);

/** A 400 whose details name `path`; nothing stored, nothing audited. */
async function expectInvalid(body: unknown, path: string, programId = org.programs.b.id) {
  const [before, audits] = [await termsCount(), await auditCount()];
  const res = await req('POST', url(programId), u.admin, body);
  const text = await res.text();
  expect(res.status, text).toBe(400);
  const { error } = JSON.parse(text) as { error: { message: string; details: { path: string; message: string }[] } };
  expect(
    error.details.map((d) => d.path),
    text
  ).toContain(path);
  expect(await termsCount()).toBe(before);
  expect(await auditCount()).toBe(audits);
  return error;
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
  org = await createFixtureOrg(t.db);
  other = await createFixtureOrg(t.db);
  const roles: Record<Who, [number, Grant[], number?]> = {
    admin: [org.tenantId, [{ role: 'admin' }]],
    qa: [org.tenantId, [{ role: 'qa_analyst' }]],
    lead: [org.tenantId, [{ role: 'team_lead', teamId: org.teams.a.id }]],
    agent: [org.tenantId, [{ role: 'agent' }], org.agents.a1.id],
    auditorA: [org.tenantId, [{ role: 'client_auditor', clientId: org.clients.a.id }]],
    auditorB: [org.tenantId, [{ role: 'client_auditor', clientId: org.clients.b.id }]],
    adminOther: [other.tenantId, [{ role: 'admin' }]]
  };
  for (const [who, [tenantId, g, personId]] of Object.entries(roles) as [Who, [number, Grant[], number?]][])
    u[who] = (await signInAs(app, t.db, { tenantId, grants: g, personId, name: `Person ${who}` })).headers;
  token = (await tokenHeaders(t.db, { tenantId: org.tenantId, programId: org.programs.a.id })).headers;
});
afterAll(() => t.cleanup());

describe('entering contract terms', () => {
  it('an admin makes version 1: 201, each target with its unit and direction, audited', async () => {
    const res = await req('POST', url(org.programs.a.id), u.admin, terms());
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({
      programId: org.programs.a.id,
      version: 1,
      validFrom: '2026-01',
      validTo: null,
      monthlyFeeCents: 4_500_000,
      currency: 'EUR',
      note: 'Clause 7.2',
      createdAt: clock.toISOString()
    });
    expect(body.targets[0]).toEqual({ ...QA_TARGET, unit: 'points', higherIsBetter: true });
    expect(body.targets[1]).toMatchObject({ metric: 'fcr', unit: 'percent', higherIsBetter: true });
    const [audit] = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'contract_terms.create'), eq(schema.auditLog.objectId, String(body.id))));
    expect(JSON.parse(audit!.after!)).toMatchObject({ programId: org.programs.a.id, version: 1, validFrom: '2026-01', validTo: null });
  });

  it('refuses overlapping months with 409 naming the version and its months; nothing written', async () => {
    const [before, audits] = [await termsCount(), await auditCount()];
    const res = await req('POST', url(org.programs.a.id), u.admin, terms({ validFrom: '2026-03', validTo: '2026-05' }));
    const { error } = await res.json();
    expect(res.status).toBe(409);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('overlaps version 1 (2026-01 – open)');
    expect(error.message).toContain('endOpenVersion');
    expect(await termsCount()).toBe(before);
    expect(await auditCount()).toBe(audits);
    // endOpenVersion does not help when the new terms start at or before the open version's first month.
    const same = await req('POST', url(org.programs.a.id), u.admin, terms({ validFrom: '2026-01', endOpenVersion: true }));
    expect(same.status).toBe(409);
    expect(await termsCount()).toBe(before);
  });

  it('endOpenVersion ends the open version at the month before, in the same transaction; version = last + 1; both audited', async () => {
    const audits = await auditCount();
    const res = await req('POST', url(org.programs.a.id), u.admin, terms({ validFrom: '2026-03', endOpenVersion: true }));
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ version: 2, validFrom: '2026-03', validTo: null });
    const rows = await rowsOf(org.programs.a.id);
    expect(rows.map((r) => [r.version, r.validFrom, r.validTo])).toEqual([
      [1, '2026-01', '2026-02'],
      [2, '2026-03', null]
    ]);
    expect(await auditCount()).toBe(audits + 2);
    const ends = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'contract_terms.end'), eq(schema.auditLog.objectId, String(rows[0]!.id))));
    expect(JSON.parse(ends[0]!.before!)).toMatchObject({ validTo: null });
    expect(JSON.parse(ends[0]!.after!)).toMatchObject({ validTo: '2026-02' });
  });

  it('a closed span between versions is fine; a span over two versions names both', async () => {
    const p = org.programs.b.id;
    expect((await req('POST', url(p), u.admin, terms({ validFrom: '2025-01', validTo: '2025-06' }))).status).toBe(201);
    expect((await req('POST', url(p), u.admin, terms({ validFrom: '2025-09', validTo: '2025-12' }))).status).toBe(201);
    expect((await req('POST', url(p), u.admin, terms({ validFrom: '2025-07', validTo: '2025-08' }))).status).toBe(201);
    const res = await req('POST', url(p), u.admin, terms({ validFrom: '2025-05', validTo: '2025-10', endOpenVersion: true }));
    const { error } = await res.json();
    expect(res.status).toBe(409);
    expect(error.message).toContain('version 1 (2025-01 – 2025-06)');
    expect(error.message).toContain('version 2 (2025-09 – 2025-12)');
    expect(error.message).toContain('version 3 (2025-07 – 2025-08)');
  });
});

describe('bad values: 400 naming the field, nothing written', () => {
  const withTarget = (over: Record<string, unknown>) => terms({ validFrom: '2030-01', targets: [{ ...QA_TARGET, ...over }] });
  it('a target outside its metric range', async () => {
    const e = await expectInvalid(withTarget({ target: 120 }), 'targets.0.target');
    expect(e.message).toContain('outside qa_score');
    await expectInvalid(withTarget({ metric: 'nps', target: -150 }), 'targets.0.target');
    await expectInvalid(withTarget({ metric: 'csat_mean', target: 6 }), 'targets.0.target');
  });
  it('three decimals, a zero step, too many steps, an unknown or non-contractable metric', async () => {
    const e = await expectInvalid(withTarget({ target: 80.125 }), 'targets.0.target');
    expect(e.message).toContain('at most two decimals');
    await expectInvalid(withTarget({ step: 0.001 }), 'targets.0.step');
    await expectInvalid(withTarget({ step: 0 }), 'targets.0.step');
    await expectInvalid(withTarget({ maxSteps: 101 }), 'targets.0.maxSteps');
    await expectInvalid(withTarget({ metric: 'business_critical_rate' }), 'targets.0.metric');
    await expectInvalid(withTarget({ metric: 'handle_time' }), 'targets.0.metric');
  });
  it('money: a percentage above 10000 basis points (bonus or malus named), fractional or negative cents', async () => {
    await expectInvalid(withTarget({ money: { kind: 'percent', bonusPerStep: 10_001, malusPerStep: 0 } }), 'targets.0.money.bonusPerStep');
    await expectInvalid(withTarget({ money: { kind: 'percent', bonusPerStep: 0, malusPerStep: 20_000 } }), 'targets.0.money.malusPerStep');
    await expectInvalid(withTarget({ money: { kind: 'amount', bonusPerStep: 10.5, malusPerStep: 0 } }), 'targets.0.money.bonusPerStep');
    await expectInvalid(withTarget({ money: { kind: 'amount', bonusPerStep: -1, malusPerStep: 0 } }), 'targets.0.money.bonusPerStep');
  });
  it('a metric twice: the message names it and both targets', async () => {
    const e = await expectInvalid(
      terms({ validFrom: '2030-01', targets: [QA_TARGET, FCR_TARGET, { ...QA_TARGET, target: 85 }] }),
      'targets.2.metric'
    );
    expect(e.message).toContain('qa_score is targeted twice (targets 1 and 3)');
  });
  it('months: validTo before validFrom, month 13, a day instead of a month', async () => {
    const e = await expectInvalid(terms({ validFrom: '2030-05', validTo: '2030-04' }), 'validTo');
    expect(e.message).toContain('before validFrom');
    await expectInvalid(terms({ validFrom: '2026-13' }), 'validFrom');
    await expectInvalid(terms({ validFrom: '2030-01', validTo: '2030-02-01' }), 'validTo');
  });
  it('no targets, 21 targets, a fee in fractional cents or negative, a currency in lower case, a note with a control character', async () => {
    await expectInvalid(terms({ validFrom: '2030-01', targets: [] }), 'targets');
    await expectInvalid(terms({ validFrom: '2030-01', targets: Array.from({ length: 21 }, () => QA_TARGET) }), 'targets');
    await expectInvalid(terms({ validFrom: '2030-01', monthlyFeeCents: 100.5 }), 'monthlyFeeCents');
    await expectInvalid(terms({ validFrom: '2030-01', monthlyFeeCents: -1 }), 'monthlyFeeCents');
    await expectInvalid(terms({ validFrom: '2030-01', currency: 'eur' }), 'currency');
    await expectInvalid(terms({ validFrom: '2030-01', note: 'a\u0000b' }), 'note');
  });
});

describe('ending a version', () => {
  it('sets validTo of an open version, audited; shorter again is fine; longer, or before its start, is 400 naming validTo', async () => {
    const p = org.programs.a.id;
    const audits = await auditCount();
    const res = await req('POST', `${url(p)}/2/end`, u.admin, { validTo: '2026-12' });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ version: 2, validFrom: '2026-03', validTo: '2026-12' });
    expect(await auditCount()).toBe(audits + 1);
    expect((await req('POST', `${url(p)}/2/end`, u.admin, { validTo: '2026-11' })).status).toBe(200);
    for (const [validTo, says] of [
      ['2027-01', 'not be after'],
      ['2026-02', 'not be before']
    ] as const) {
      const r = await req('POST', `${url(p)}/2/end`, u.admin, { validTo });
      const { error } = await r.json();
      expect(r.status).toBe(400);
      expect(error.details).toEqual([expect.objectContaining({ path: 'validTo', message: expect.stringContaining(says) })]);
    }
    expect((await rowsOf(p))[1]!.validTo).toBe('2026-11');
    expect(await auditCount()).toBe(audits + 2);
  });
  it('an unknown version: 404; a bad month: 400; another tenant’s program: 404', async () => {
    expect((await req('POST', `${url(org.programs.a.id)}/9/end`, u.admin, { validTo: '2026-12' })).status).toBe(404);
    expect((await req('POST', `${url(org.programs.a.id)}/1/end`, u.admin, { validTo: '2026-13' })).status).toBe(400);
    expect((await req('POST', `${url(org.programs.a.id)}/1/end`, u.adminOther, { validTo: '2026-02' })).status).toBe(404);
  });
  it('after the end, new terms may follow without overlapping', async () => {
    const res = await req('POST', url(org.programs.a.id), u.admin, terms({ validFrom: '2026-12' }));
    expect(res.status).toBe(201);
    expect((await res.json()).version).toBe(3);
  });
});

describe('reading terms', () => {
  it('the auditor of client a reads its program: versions newest first, the one in force this month', async () => {
    const res = await get(url(org.programs.a.id), u.auditorA);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.program).toMatchObject({ id: org.programs.a.id, code: 'EN-CARE' });
    expect(body.client).toMatchObject({ id: org.clients.a.id, code: 'ENERGY' });
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(body.month).toBe('2026-11');
    expect(body.current).toBe(body.versions[1].id);
  });
  it('another client’s program is 404 for the auditor, as is another tenant’s for the admin', async () => {
    const res = await get(url(org.programs.b.id), u.auditorA);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
    expect((await get(url(org.programs.a.id), u.auditorB)).status).toBe(404);
    expect((await get(url(org.programs.a.id), u.adminOther)).status).toBe(404);
  });
  it('QA, leads, agents and tokens have no portal: 403', async () => {
    for (const h of [u.qa, u.lead, u.agent, token]) expect((await get(url(org.programs.a.id), h)).status).toBe(403);
  });
  it('the overview lists only the programs the reader may see, with the current terms', async () => {
    const a = await (await get('/api/client/contracts', u.auditorA)).json();
    expect(a.items.map((i: { program: { id: number } }) => i.program.id)).toEqual([org.programs.a.id]);
    expect(a.items[0]).toMatchObject({ versions: 3, current: { version: 2 } });
    const all = await (await get('/api/client/contracts', u.admin)).json();
    expect(all.items.map((i: { program: { id: number } }) => i.program.id).sort()).toEqual([org.programs.a.id, org.programs.b.id].sort());
    const foreign = await (await get('/api/client/contracts', u.adminOther)).json();
    const ids = foreign.items.map((i: { program: { id: number } }) => i.program.id);
    expect(ids).not.toContain(org.programs.a.id);
    expect((await get('/api/client/contracts', u.lead)).status).toBe(403);
  });
});

describe('who may write', () => {
  it('auditors, QA, leads, agents and tokens cannot create or end terms: 403, nothing written', async () => {
    const [before, audits] = [await termsCount(), await auditCount()];
    for (const h of [u.auditorA, u.qa, u.lead, u.agent, token]) {
      expect((await req('POST', url(org.programs.a.id), h, terms({ validFrom: '2031-01' }))).status).toBe(403);
      expect((await req('POST', `${url(org.programs.a.id)}/1/end`, h, { validTo: '2026-01' })).status).toBe(403);
    }
    expect(await termsCount()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });
  it('an admin of another tenant gets 404 for this tenant’s program', async () => {
    expect((await req('POST', url(org.programs.a.id), u.adminOther, terms({ validFrom: '2031-01' }))).status).toBe(404);
  });
  it('other spellings of ids are 400 or 404, never 500', async () => {
    for (const bad of ['0x10', '%201', '1e3', '0', '-1', 'abc', '99999999999999999999']) {
      const r1 = await get(url(bad), u.admin);
      expect([400, 404], `GET ${bad}`).toContain(r1.status);
      const r2 = await req('POST', url(bad), u.admin, terms({ validFrom: '2031-01' }));
      expect([400, 404], `POST ${bad}`).toContain(r2.status);
      const r3 = await req('POST', `${url(org.programs.a.id)}/${bad}/end`, u.admin, { validTo: '2031-01' });
      expect([400, 404], `end ${bad}`).toContain(r3.status);
    }
    const rows = await t.db
      .select()
      .from(schema.contractTerms)
      .where(inArray(schema.contractTerms.validFrom, ['2031-01']));
    expect(rows).toEqual([]);
  });
});
