// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { recordSurveyResponse } from '@attentive/core';
import { STANDARD_INTRO, STANDARD_QUESTIONS, type SurveyQuestion } from '@attentive/shared/surveys';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { callbackItems } from './support/callback-items.ts';

/** Survey templates of callback surveys (issue 14): per program, in Dutch and English, versioned — through the API. */

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
const u = {} as Record<'admin' | 'qa' | 'lead' | 'auditor' | 'caller' | 'agent', H>;
const { req, get } = jsonRequests(() => app);

/** A program of its own per test, so "one template in use per program" does not couple the tests. */
async function newProgram(name = 'Survey program') {
  const [p] = await t.db
    .insert(schema.programs)
    .values({ tenantId: org.tenantId, clientId: org.clients.a.id, code: `P${Math.random().toString(36).slice(2, 8)}`, name })
    .returning();
  return p!.id;
}

const standard = (extra: Record<string, unknown> = {}) => ({
  name: 'Standard survey',
  intro: STANDARD_INTRO,
  questions: structuredClone(STANDARD_QUESTIONS),
  ...extra
});

async function ok(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.json();
}

const stored = async () => ({
  templates: Number((await t.db.select({ n: count() }).from(schema.surveyTemplates))[0]!.n),
  versions: Number((await t.db.select({ n: count() }).from(schema.surveyTemplateVersions))[0]!.n)
});
const audits = async (action: string) =>
  Number((await t.db.select({ n: count() }).from(schema.auditLog).where(like(schema.auditLog.action, action)))[0]!.n);

async function create(programId: number, extra: Record<string, unknown> = {}, h = u.qa) {
  return ok(await req('POST', '/api/surveys/templates', h, { programId, ...standard(extra) }), 201);
}

/** The paths of a 400's details (and that it is a 400). */
async function refused(res: Response) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(400);
  return body.error.details.map((d: { path: string }) => d.path) as string[];
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db, { callsPerAgent: 2 });
  const s = (grants: Parameters<typeof signInAs>[2]['grants'], personId?: number) =>
    signInAs(app, t.db, { tenantId: org.tenantId, grants, personId }).then((r) => r.headers);
  u.admin = await s([{ role: 'admin' }]);
  u.qa = await s([{ role: 'qa_analyst' }]);
  u.lead = await s([{ role: 'team_lead', teamId: org.teams.a.id }]);
  u.auditor = await s([{ role: 'client_auditor', clientId: org.clients.a.id }]);
  u.caller = await s([{ role: 'survey_caller' }]);
  u.agent = await s([{ role: 'agent' }], org.agents.a1.id);
}, 60_000);
afterAll(() => t.cleanup());

describe('a program gets its survey template', () => {
  it('creates version 1 from the standard questions in both languages, audited', async () => {
    const programId = await newProgram('Care line');
    const before = await audits('survey_template.%');
    const made = await create(programId);
    expect(made.template).toMatchObject({ programId, programName: 'Care line', versionCount: 1, responseCount: 0, retiredAt: null });
    expect(made.template.current).toMatchObject({ version: 1, name: 'Standard survey', note: '', intro: STANDARD_INTRO });
    expect(made.template.current.questions).toEqual(STANDARD_QUESTIONS);
    expect(made.versions).toHaveLength(1);
    expect(await audits('survey_template.create')).toBe(before + 1);
    const listed = await ok(await get(`/api/surveys/templates?programId=${programId}`, u.admin));
    expect(listed.items.map((x: { id: number }) => x.id)).toEqual([made.template.id]);
  });

  it('one template in use per program: a second is a 409 naming the first, and stores nothing', async () => {
    const programId = await newProgram();
    const first = await create(programId, { name: 'Our survey' });
    const before = await stored();
    const res = await req('POST', '/api/surveys/templates', u.qa, { programId, ...standard({ name: 'Another' }) });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain(`"Our survey" (${first.template.id})`);
    expect(await stored()).toEqual(before);
    // Once the first is retired, the program may get a new one.
    await ok(await req('POST', `/api/surveys/templates/${first.template.id}/retire`, u.qa));
    await create(programId, { name: 'Another' });
  });

  it("a survey of one's own questions: two open comments are fine, a single question is enough", async () => {
    const programId = await newProgram();
    const questions: SurveyQuestion[] = [
      { ...STANDARD_QUESTIONS[0]! },
      { ...STANDARD_QUESTIONS[6]!, id: 'comment_agent', text: { en: 'What did the agent do well?', nl: 'Wat deed de medewerker goed?' } },
      { ...STANDARD_QUESTIONS[6]!, id: 'comment_other' }
    ];
    const made = await create(programId, { questions });
    expect(made.template.current.questions.map((q: SurveyQuestion) => q.id)).toEqual(['csat', 'comment_agent', 'comment_other']);
    const single = await newProgram();
    await create(single, { questions: [STANDARD_QUESTIONS[4]] });
  });

  it('bad input is a 400 naming the field and stores nothing', async () => {
    const programId = await newProgram();
    const q = () => structuredClone(STANDARD_QUESTIONS);
    const withQ = (change: (qs: SurveyQuestion[]) => void) => {
      const qs = q();
      change(qs);
      return { questions: qs };
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ name: 'two\nlines' }, 'name'],
      [{ intro: { en: STANDARD_INTRO.en } }, 'intro.nl'],
      [{ questions: [] }, 'questions'],
      [withQ((qs) => (qs[3]!.text = { en: 'How easy was it?' } as never)), 'questions.3.text.nl'],
      [withQ((qs) => (qs[2]!.text.en = '')), 'questions.2.text.en'],
      [withQ((qs) => (qs[1]!.id = 'csat')), 'questions.1.id'],
      [withQ((qs) => (qs[4]!.kind = 'csat')), 'questions.4.kind'],
      [withQ((qs) => (qs[0]!.id = 'Not An Id')), 'questions.0.id'],
      [withQ((qs) => (qs[0]!.kind = 'stars' as never)), 'questions.0.kind'],
      [withQ((qs) => (qs[0]!.attribution = 'weather' as never)), 'questions.0.attribution'],
      [withQ((qs) => (qs[5]!.text.nl = 'Is er \u202Egebeurd?')), 'questions.5.text.nl'],
      [{ questions: Array.from({ length: 21 }, (_, i) => ({ ...STANDARD_QUESTIONS[6]!, id: `c${i}` })) }, 'questions'],
      [{ colour: 'red' }, '(body)']
    ];
    const before = await stored();
    for (const [extra, path] of cases) {
      const paths = await refused(await req('POST', '/api/surveys/templates', u.qa, { programId, ...standard(extra) }));
      expect(paths, JSON.stringify(extra)).toContain(path);
    }
    expect((await req('POST', '/api/surveys/templates', u.qa, { ...standard(), programId: 987654 })).status).toBe(404);
    expect(await refused(await req('POST', '/api/surveys/templates', u.qa, { ...standard(), programId: '1' }))).toContain('programId');
    expect(await stored()).toEqual(before);
  });
});

describe('versions', () => {
  it('a change is the next version with a note; versions come oldest first and the current is the latest', async () => {
    const programId = await newProgram();
    const { template } = await create(programId);
    const before = await audits('survey_template.%');
    const questions = structuredClone(STANDARD_QUESTIONS).filter((x) => x.kind !== 'nps');
    questions[0]!.text.nl = 'Hoe tevreden bent u over ons gesprek? (1 = zeer ontevreden, 5 = zeer tevreden)';
    const v2 = await ok(
      await req('POST', `/api/surveys/templates/${template.id}/versions`, u.admin, {
        ...standard({ questions }),
        baseVersion: 1,
        note: 'no NPS; shorter Dutch CSAT'
      })
    );
    expect(v2.template).toMatchObject({ versionCount: 2, current: { version: 2, note: 'no NPS; shorter Dutch CSAT' } });
    expect(v2.template.current.questions).toHaveLength(6);
    const detail = await ok(await get(`/api/surveys/templates/${template.id}`, u.qa));
    expect(detail.versions.map((v: { version: number; questions: unknown[] }) => [v.version, v.questions.length])).toEqual([
      [1, 7],
      [2, 6]
    ]);
    expect(await audits('survey_template.%')).toBe(before + 1);
  });

  it('an edit of an older version is a 409 and stores nothing; the same content again makes no version', async () => {
    const { template } = await create(await newProgram());
    const edit = (baseVersion: number, extra = {}) =>
      req('POST', `/api/surveys/templates/${template.id}/versions`, u.qa, { ...standard(extra), baseVersion });
    await ok(await edit(1, { name: 'First edit' }));
    const before = { ...(await stored()), audit: await audits('%') };
    const stale = await edit(1, { name: 'Second editor, stale' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/now version 2; you edited version 1/);
    const again = await ok(await edit(2, { name: 'First edit' }));
    expect(again.template.versionCount).toBe(2);
    expect({ ...(await stored()), audit: await audits('%') }).toEqual(before);
  });

  it('a question id keeps its kind across versions: a new kind needs a new id', async () => {
    const { template } = await create(await newProgram());
    const questions = structuredClone(STANDARD_QUESTIONS).filter((x) => x.kind !== 'csat');
    // "recommend" asked NPS in version 1; asking CES under it would mix two scales under one id.
    const effort = questions.findIndex((x) => x.kind === 'ces');
    questions.splice(effort, 1);
    const rec = questions.findIndex((x) => x.id === 'recommend');
    questions[rec] = { ...questions[rec]!, kind: 'ces' };
    const before = await stored();
    const res = await req('POST', `/api/surveys/templates/${template.id}/versions`, u.qa, { ...standard({ questions }), baseVersion: 1 });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.error.details).toEqual([
      { path: `questions.${rec}.kind`, message: expect.stringContaining('"recommend" asked nps in version 1') }
    ]);
    expect(await stored()).toEqual(before);
  });

  it('a version is frozen in the database: an update or delete is refused', async () => {
    const { template } = await create(await newProgram());
    const v = schema.surveyTemplateVersions;
    await expect(t.db.update(v).set({ name: 'changed' }).where(eq(v.templateId, template.id))).rejects.toThrow();
    await expect(t.db.delete(v).where(eq(v.templateId, template.id))).rejects.toThrow();
    expect((await ok(await get(`/api/surveys/templates/${template.id}`, u.qa))).template.current.name).toBe('Standard survey');
  });
});

describe('retiring', () => {
  it('a retired template stays readable, leaves the default list, refuses changes (409) and can be restored', async () => {
    const programId = await newProgram();
    const { template } = await create(programId);
    const retired = await ok(await req('POST', `/api/surveys/templates/${template.id}/retire`, u.qa));
    expect(retired.template.retiredAt).not.toBeNull();
    expect(retired.template.retiredBy).toMatch(/^user:/);
    expect((await ok(await get(`/api/surveys/templates/${template.id}`, u.admin))).template.current.name).toBe('Standard survey');
    const inUse = await ok(await get(`/api/surveys/templates?programId=${programId}`, u.qa));
    expect(inUse.items).toEqual([]);
    const all = await ok(await get(`/api/surveys/templates?programId=${programId}&includeRetired=true`, u.qa));
    expect(all.items.map((x: { id: number }) => x.id)).toEqual([template.id]);
    const before = await stored();
    const res = await req('POST', `/api/surveys/templates/${template.id}/versions`, u.qa, { ...standard({ name: 'x' }), baseVersion: 1 });
    expect(res.status).toBe(409);
    expect(await stored()).toEqual(before);
    // Retiring again changes nothing and writes no audit row.
    const n = await audits('survey_template.retire');
    await ok(await req('POST', `/api/surveys/templates/${template.id}/retire`, u.qa));
    expect(await audits('survey_template.retire')).toBe(n);
    const restored = await ok(await req('POST', `/api/surveys/templates/${template.id}/restore`, u.admin));
    expect(restored.template.retiredAt).toBeNull();
    expect(await audits('survey_template.restore')).toBeGreaterThan(0);
  });

  it('restoring is refused while the program has another template in use', async () => {
    const programId = await newProgram();
    const old = await create(programId, { name: 'Old' });
    await ok(await req('POST', `/api/surveys/templates/${old.template.id}/retire`, u.qa));
    const current = await create(programId, { name: 'New' });
    const res = await req('POST', `/api/surveys/templates/${old.template.id}/restore`, u.qa);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain(`"New" (${current.template.id})`);
    const [row] = await t.db.select().from(schema.surveyTemplates).where(eq(schema.surveyTemplates.id, old.template.id));
    expect(row!.retiredAt).not.toBeNull();
  });

  it('counts responses per version, and is not retired while an active callback plan asks with it', async () => {
    const callIds = org.calls.filter((c) => c.programId === org.programs.b.id).map((c) => c.id);
    const made = await callbackItems(t.db, { callIds: callIds.slice(0, 2) });
    const [item] = await t.db.select().from(schema.callbackItems).where(eq(schema.callbackItems.id, made.items[0]!.id));
    await t.db.transaction((tx) =>
      recordSurveyResponse(tx, {
        item: item!,
        templateVersionId: made.templateVersionId,
        answers: { csat: 4, solved: true, effort: 6, recommend: 8 },
        channel: 'phone',
        callerId: null,
        language: 'en',
        at: new Date(),
        who: { actor: 'test' }
      })
    );
    const detail = await ok(await get(`/api/surveys/templates/${made.templateId}`, u.qa));
    expect(detail.template.responseCount).toBe(1);
    expect(detail.versions[0].responseCount).toBe(1);

    const res = await req('POST', `/api/surveys/templates/${made.templateId}/retire`, u.qa);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/callback plan .* pause the plan/);
    await t.db.update(schema.callbackPlans).set({ active: false }).where(eq(schema.callbackPlans.id, made.planId));
    await ok(await req('POST', `/api/surveys/templates/${made.templateId}/retire`, u.qa));
  });
});

describe('who reads and keeps templates', () => {
  it('a team lead, a survey caller, a client auditor and an agent: the list is 403, a template 404, and they change nothing', async () => {
    const programId = await newProgram();
    const { template } = await create(programId);
    const before = await stored();
    for (const h of [u.lead, u.caller, u.auditor, u.agent]) {
      const list = await get('/api/surveys/templates', h);
      expect(list.status).toBe(403);
      expect(Object.keys(await list.json())).toEqual(['error']);
      expect((await get(`/api/surveys/templates/${template.id}`, h)).status).toBe(404);
      expect((await req('POST', '/api/surveys/templates', h, { programId, ...standard() })).status).toBe(403);
      expect(
        (await req('POST', `/api/surveys/templates/${template.id}/versions`, h, { ...standard({ name: 'x' }), baseVersion: 1 })).status
      ).toBe(403);
      expect((await req('POST', `/api/surveys/templates/${template.id}/retire`, h)).status).toBe(403);
    }
    expect(await stored()).toEqual(before);
  });

  it('odd ids are a 400 or 404, never a 500', async () => {
    const { template } = await create(await newProgram());
    for (const id of ['0x10', '%201', `0${template.id}`, '-1', '1e1', '99999999999999999999'])
      expect([400, 404]).toContain((await get(`/api/surveys/templates/${id}`, u.qa)).status);
    expect((await get('/api/surveys/templates?programId=0x1', u.qa)).status).toBe(400);
    expect((await get('/api/surveys/templates?programId=1e3', u.qa)).status).toBe(400);
    expect((await get('/api/surveys/templates?includeRetired=yes', u.qa)).status).toBe(400);
    expect((await get('/api/surveys/templates?programId=987654', u.qa)).status).toBe(404);
  });
});
