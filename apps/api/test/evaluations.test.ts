// The app first: @hono/zod-openapi must extend zod before shared schemas are built (see status note).
import { createApp } from '../src/app.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import { ScorecardDefinition, choiceOf } from '@attentive/shared/scorecard';
import { computeScore } from '@attentive/core';
import { loadEnv } from '../src/env.ts';
import { verifyCachedScores } from '@attentive/core/evaluations/verify-cached-scores';
import { signInAs, tokenHeaders } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { publishScorecard } from './support/scorecard.ts';

const DEFINITION: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      items: [
        { id: 'greeting', text: 'Greets with name and company', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_friendly' },
        { id: 'empathy', text: 'Shows empathy', answer: { type: 'scale', min: 1, max: 5 }, weight: 3, dimension: 'customer_friendly' }
      ]
    },
    {
      id: 'solution',
      title: 'Solution',
      items: [
        {
          id: 'need',
          text: 'Finds the need behind the question',
          answer: { type: 'yes_no' },
          weight: 4,
          naAllowed: true,
          dimension: 'customer_oriented'
        },
        {
          id: 'next-step',
          text: 'Offers the next step unasked',
          answer: choiceOf(['unasked', 'Unasked', 2], ['asked', 'When asked', 1], ['never', 'Never', 0]),
          weight: 3,
          dimension: 'customer_oriented'
        },
        {
          id: 'extra',
          text: 'Goes the extra mile',
          answer: { type: 'yes_no' },
          weight: 1,
          bonus: true,
          required: false,
          dimension: 'customer_oriented'
        }
      ]
    },
    {
      id: 'compliance',
      title: 'Compliance',
      items: [
        {
          id: 'id-check',
          text: 'Verifies identity',
          answer: { type: 'yes_no' },
          weight: 2,
          dimension: 'compliance',
          critical: { class: 'compliance', failScope: 'evaluation' }
        }
      ]
    }
  ]
};
const FULL = { greeting: 'yes', empathy: 4, need: 'na', 'next-step': 'asked', 'id-check': 'yes' };

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let recordingsDir: string;
const u = {} as Record<'qa' | 'leadA' | 'leadB' | 'agentA1' | 'agentB1' | 'auditorA' | 'auditorB' | 'admin', H>;
let token: H;
let callA: number; // a call of agent a1 (team A, client A)
let callA2: number;

const { req, get } = jsonRequests(() => app);

async function countRows() {
  const [e, r, c] = await Promise.all([
    t.db.$client.execute('select count(*) n from evaluations'),
    t.db.$client.execute('select count(*) n from evaluation_revisions'),
    t.db.$client.execute('select count(*) n from evaluation_comments')
  ]);
  return { evaluations: Number(e.rows[0]!.n), revisions: Number(r.rows[0]!.n), comments: Number(c.rows[0]!.n) };
}

beforeAll(async () => {
  t = await createTestDb();
  recordingsDir = join(t.dir, 'recordings');
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', RECORDINGS_DIR: recordingsDir }) });
  org = await createFixtureOrg(t.db);
  const tenantId = org.tenantId;
  await publishScorecard(t.db, tenantId, DEFINITION);
  const s = (grants: Parameters<typeof signInAs>[2]['grants'], personId?: number) =>
    signInAs(app, t.db, { tenantId, grants, personId }).then((r) => r.headers);
  u.qa = await s([{ role: 'qa_analyst' }]);
  u.leadA = await s([{ role: 'team_lead', teamId: org.teams.a.id }]);
  u.leadB = await s([{ role: 'team_lead', teamId: org.teams.b.id }]);
  u.agentA1 = await s([{ role: 'agent' }], org.agents.a1.id);
  u.agentB1 = await s([{ role: 'agent' }], org.agents.b1.id);
  u.auditorA = await s([{ role: 'client_auditor', clientId: org.clients.a.id }]);
  u.auditorB = await s([{ role: 'client_auditor', clientId: org.clients.b.id }]);
  u.admin = await s([{ role: 'admin' }]);
  token = (await tokenHeaders(t.db, { tenantId, programId: org.programs.a.id })).headers;
  const a1Calls = org.calls.filter((c) => c.agentId === org.agents.a1.id);
  callA = a1Calls[0]!.id;
  callA2 = a1Calls[1]!.id;
});
afterAll(() => t.cleanup());

async function start(h: H, body: unknown = { callId: callA }) {
  return req('POST', '/api/evaluations', h, body);
}

describe('evaluating a call', () => {
  let id: number;
  let version: number;

  it('a team lead starts a draft on the scorecard version of the program, and resumes it', async () => {
    const ctxRes = await get(`/api/calls/${callA}/evaluation-context`, u.leadA);
    expect(ctxRes.status).toBe(200);
    const ctx = await ctxRes.json();
    expect(ctx.canEvaluate).toBe(true);
    expect(ctx.scorecard.definition.sections).toHaveLength(3);
    expect(ctx.call).toMatchObject({ id: callA, queue: { name: 'Billing' }, transfers: 0 });

    const res = await start(u.leadA);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.created).toBe(true);
    expect(body.evaluation).toMatchObject({ status: 'draft', revision: 0, callId: callA, agentId: org.agents.a1.id, kind: 'sampled' });
    id = body.evaluation.id;
    version = body.evaluation.version;
    const again = await (await start(u.leadA)).json();
    expect(again).toMatchObject({ created: false, evaluation: { id } });
  });

  it('refuses bad answers naming the item, and stores nothing', async () => {
    const before = await countRows();
    const cases: [unknown, RegExp][] = [
      [{ greting: 'yes' }, /item "greting" is not on this scorecard version/],
      [{ empathy: 9 }, /item "empathy".*expected a whole number from 1 to 5/],
      [{ greeting: 'maybe' }, /item "greeting".*expected "yes" or "no"/],
      [{ greeting: 'na' }, /item "greeting" does not allow N\.A\./],
      [{ 'next-step': 'sometimes' }, /item "next-step"/]
    ];
    for (const [answers, message] of cases) {
      const res = await req('PUT', `/api/evaluations/${id}/draft`, u.leadA, { version, answers });
      expect(res.status, JSON.stringify(answers)).toBe(400);
      const err = (await res.json()).error;
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toMatch(message);
    }
    const detail = await (await get(`/api/evaluations/${id}`, u.leadA)).json();
    expect(detail.evaluation).toMatchObject({ answers: {}, version });
    expect(await countRows()).toEqual(before);
  });

  it('autosaves a partial draft with a live score, and refuses a stale version with 409', async () => {
    const res = await req('PUT', `/api/evaluations/${id}/draft`, u.leadA, {
      version,
      answers: { greeting: 'yes', empathy: 3, need: null }
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.evaluation.version).toBe(version + 1);
    expect(body.evaluation.answers).toEqual({ greeting: 'yes', empathy: 3 });
    expect(body.score.dimensions.customer_friendly.score).toBeCloseTo((100 * (2 + 3 * 0.5)) / 5, 6);
    const stale = await req('PUT', `/api/evaluations/${id}/draft`, u.leadA, { version, answers: { greeting: 'no' } });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('CONFLICT');
    version = body.evaluation.version;
    expect((await countRows()).revisions).toBe(0); // autosave makes no revisions
  });

  it('refuses to submit with required items unanswered, naming them', async () => {
    const res = await req('POST', `/api/evaluations/${id}/submit`, u.leadA, { version });
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err.message).toMatch(/item "need" is required/);
    expect(err.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['answers.need', 'answers.next-step', 'answers.id-check'])
    );
    expect(err.details.map((d: { path: string }) => d.path)).not.toContain('answers.extra'); // optional bonus item
    const detail = await (await get(`/api/evaluations/${id}`, u.leadA)).json();
    expect(detail.evaluation.status).toBe('draft');
  });

  it('submits: revision 1, cached score from computeScore, audited', async () => {
    const res = await req('POST', `/api/evaluations/${id}/submit`, u.leadA, { version, answers: FULL });
    expect(res.status).toBe(200);
    const body = await res.json();
    const expected = computeScore(ScorecardDefinition.parse(DEFINITION), FULL);
    expect(body.evaluation).toMatchObject({ status: 'submitted', revision: 1, failed: false });
    expect(body.evaluation.overallScore).toBeCloseTo(expected.score!, 9);
    expect(body.evaluation.dimensionScores.customer_oriented).toBeCloseTo(expected.dimensions.customer_oriented.score!, 9);
    expect(body.revision).toMatchObject({ revision: 1, reason: null, answers: FULL });
    version = body.evaluation.version;
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'evaluation.submit'));
    expect(audit.map((a) => a.objectId)).toContain(String(id));
  });

  it('a submitted evaluation is not autosaved over, nor submitted twice', async () => {
    expect((await req('PUT', `/api/evaluations/${id}/draft`, u.leadA, { version, answers: FULL })).status).toBe(409);
    expect((await req('POST', `/api/evaluations/${id}/submit`, u.leadA, { version })).status).toBe(409);
  });

  it('a change needs a reason and the current revision; it becomes revision 2 and revision 1 stays', async () => {
    const changed = { ...FULL, 'id-check': 'no' };
    const noReason = await req('POST', `/api/evaluations/${id}/revisions`, u.leadA, { revision: 1, answers: changed, reason: '' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.message).toMatch(/reason/);
    const same = await req('POST', `/api/evaluations/${id}/revisions`, u.leadA, { revision: 1, answers: FULL, reason: 'no change' });
    expect(same.status).toBe(400);
    const ok = await req('POST', `/api/evaluations/${id}/revisions`, u.qa, {
      revision: 1,
      answers: changed,
      reason: 'Identity was not checked at 0:40'
    });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.evaluation).toMatchObject({ revision: 2, failed: true, overallScore: 0, criticalFlags: ['compliance'] });
    const stale = await req('POST', `/api/evaluations/${id}/revisions`, u.leadA, {
      revision: 1,
      answers: { ...changed, greeting: 'no' },
      reason: 'late edit'
    });
    expect(stale.status).toBe(409);
    const detail = await (await get(`/api/evaluations/${id}`, u.leadA)).json();
    expect(detail.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(detail.revisions[0].answers).toEqual(FULL);
    expect(detail.revisions[0].failed).toBe(false);
    expect(detail.revisions[1]).toMatchObject({ answers: changed, reason: 'Identity was not checked at 0:40', failed: true });
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'evaluation.revise'));
    expect(JSON.parse(audit.at(-1)!.after!)).toMatchObject({ revision: 2, answers: { 'id-check': 'no' } });
  });

  it('comments: on an item, pinned to a moment, citing a transcript line; bad ones refused', async () => {
    const pinned = await req('POST', `/api/evaluations/${id}/comments`, u.leadA, {
      text: 'No empathy statement here',
      itemId: 'empathy',
      atSeconds: 42.5
    });
    expect(pinned.status).toBe(201);
    expect(await pinned.json()).toMatchObject({ itemId: 'empathy', atSeconds: 42.5, turnIndex: null });
    const before = await countRows();
    const unknown = await req('POST', `/api/evaluations/${id}/comments`, u.leadA, { text: 'x', itemId: 'nope' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/item "nope"/);
    expect((await req('POST', `/api/evaluations/${id}/comments`, u.leadA, { text: 'x', atSeconds: 99_999 })).status).toBe(400);
    expect((await req('POST', `/api/evaluations/${id}/comments`, u.leadA, { text: 'x', turnIndex: 3 })).status).toBe(400); // no transcript
    expect((await req('POST', `/api/evaluations/${id}/comments`, u.leadA, { text: '   ' })).status).toBe(400);
    expect(await countRows()).toEqual(before);
    const detail = await (await get(`/api/evaluations/${id}`, u.leadA)).json();
    expect(detail.comments).toHaveLength(1);
  });

  describe('who may do what', () => {
    it('agents and client auditors cannot create or change evaluations', async () => {
      const before = await countRows();
      expect((await start(u.agentA1)).status).toBe(403);
      expect((await start(u.auditorA)).status).toBe(403);
      expect((await start(token)).status).toBe(403);
      for (const h of [u.agentA1, u.auditorA]) {
        const r = await req('POST', `/api/evaluations/${id}/revisions`, h, { revision: 2, answers: FULL, reason: 'I disagree' });
        expect(r.status).toBe(403);
        expect((await req('POST', `/api/evaluations/${id}/comments`, h, { text: 'hi' })).status).toBe(403);
      }
      expect(await countRows()).toEqual(before);
    });

    it('the agent reads its own submitted evaluation; the client auditor of that client too; others get 404', async () => {
      expect((await get(`/api/evaluations/${id}`, u.agentA1)).status).toBe(200);
      expect((await get(`/api/evaluations/${id}`, u.auditorA)).status).toBe(200);
      expect((await get(`/api/evaluations/${id}`, u.agentB1)).status).toBe(404);
      expect((await get(`/api/evaluations/${id}`, u.auditorB)).status).toBe(404);
      const list = await (await get('/api/evaluations', u.agentA1)).json();
      expect(list.items.map((e: { id: number }) => e.id)).toEqual([id]);
      expect((await (await get('/api/evaluations', u.agentB1)).json()).items).toEqual([]);
    });

    it('a team lead of another team gets 404 for the evaluation and the call', async () => {
      expect((await get(`/api/evaluations/${id}`, u.leadB)).status).toBe(404);
      expect((await start(u.leadB)).status).toBe(404);
      expect(
        (await req('POST', `/api/evaluations/${id}/revisions`, u.leadB, { revision: 2, answers: FULL, reason: 'mine now' })).status
      ).toBe(404);
      expect((await get(`/api/calls/${callA}/evaluation-context`, u.leadB)).status).toBe(404);
      expect((await (await get('/api/evaluations', u.leadB)).json()).items).toEqual([]);
    });

    it('drafts stay with their evaluator: invisible to the agent, unchangeable by another lead', async () => {
      const draft = (await (await start(u.qa, { callId: callA2 })).json()).evaluation;
      expect((await get(`/api/evaluations/${draft.id}`, u.agentA1)).status).toBe(404);
      expect((await get(`/api/evaluations/${draft.id}`, u.auditorA)).status).toBe(404);
      const other = await req('PUT', `/api/evaluations/${draft.id}/draft`, u.leadA, {
        version: draft.version,
        answers: { greeting: 'yes' }
      });
      expect(other.status).toBe(403);
      const admin = await req('PUT', `/api/evaluations/${draft.id}/draft`, u.admin, {
        version: draft.version,
        answers: { greeting: 'yes' }
      });
      expect(admin.status).toBe(200);
    });

    it('anonymous requests get 401', async () => {
      expect((await get(`/api/evaluations/${id}`, {})).status).toBe(401);
    });
  });
});

describe('live monitoring (no recording)', () => {
  it('starts without a call, refuses a pinned moment, and submits', async () => {
    const res = await start(u.leadA, { agentId: org.agents.a2.id, programId: org.programs.a.id, kind: 'live' });
    expect(res.status).toBe(200);
    const e = (await res.json()).evaluation;
    expect(e).toMatchObject({ callId: null, kind: 'live', agentId: org.agents.a2.id });
    expect((await req('POST', `/api/evaluations/${e.id}/comments`, u.leadA, { text: 'x', atSeconds: 3 })).status).toBe(400);
    const sub = await req('POST', `/api/evaluations/${e.id}/submit`, u.leadA, { version: e.version, answers: FULL });
    expect(sub.status).toBe(200);
    const detail = await (await get(`/api/evaluations/${e.id}`, u.leadA)).json();
    expect(detail.call).toBeNull();
    expect(detail.contact.agent.id).toBe(org.agents.a2.id);
  });

  it('needs agent and program without a call, and a lead of that agent', async () => {
    expect((await start(u.leadA, { kind: 'live' })).status).toBe(400);
    expect((await start(u.leadA, { agentId: org.agents.a2.id, programId: org.programs.a.id })).status).toBe(400); // sampled needs a call
    expect((await start(u.leadB, { agentId: org.agents.a2.id, programId: org.programs.a.id, kind: 'live' })).status).toBe(403);
  });
});

describe('waveform peaks', () => {
  it('computes peaks of a WAV recording for readers of the call, 404 for others', async () => {
    mkdirSync(join(recordingsDir, 'x'), { recursive: true });
    writeFileSync(
      join(recordingsDir, 'x', 'tone.wav'),
      wav(8000, 3, (i) => (i < 8000 ? 0.5 : 0.1) * Math.sin(i / 5))
    );
    await t.db.update(schema.calls).set({ recordingPath: 'x/tone.wav' }).where(eq(schema.calls.id, callA));
    const res = await get(`/api/calls/${callA}/peaks?buckets=300`, u.leadA);
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p.duration).toBeCloseTo(3, 5);
    expect(p.peaks).toHaveLength(300);
    expect(p.peaks[10]).toBeGreaterThan(0.45);
    expect(p.peaks[250]).toBeLessThan(0.15);
    expect(res.headers.get('etag')).toBeTruthy();
    expect((await get(`/api/calls/${callA}/peaks`, u.leadB)).status).toBe(404);
    expect((await get(`/api/calls/${callA2}/peaks`, u.leadA)).status).toBe(404); // no recording
  });
});

function wav(rate: number, seconds: number, f: (i: number) => number) {
  const n = rate * seconds;
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(f(i) * 32767), 44 + i * 2);
  return b;
}

describe('aggregates', () => {
  it('per agent and dimension: n, mean and a 95% interval from the stats module, only over what the reader may see', async () => {
    // Three more submitted evaluations of agent a1 with known scores.
    const extra = [
      { ...FULL, greeting: 'no' },
      { ...FULL, empathy: 5 }
    ];
    for (const answers of extra) {
      const e = (await (await start(u.leadA, { agentId: org.agents.a1.id, programId: org.programs.a.id, kind: 'live' })).json()).evaluation;
      expect((await req('POST', `/api/evaluations/${e.id}/submit`, u.leadA, { version: e.version, answers })).status).toBe(200);
    }
    const res = await get('/api/evaluations/aggregates?groupBy=agent', u.qa);
    expect(res.status).toBe(200);
    const { rows } = await res.json();
    const a1 = rows.find((r: { group: { id: number } }) => r.group.id === org.agents.a1.id);
    // a1: the revised (failed, 0) evaluation plus the two live ones.
    const def = ScorecardDefinition.parse(DEFINITION);
    const scores = [0, ...extra.map((a) => computeScore(def, a).score!)];
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    expect(a1.n).toBe(3);
    expect(a1.overall.n).toBe(3);
    expect(a1.overall.estimate).toBeCloseTo(mean, 9);
    expect(a1.overall.low).toBeLessThan(mean);
    expect(a1.overall.high).toBeGreaterThan(mean);
    expect(a1.overall.low).toBeGreaterThanOrEqual(0);
    expect(a1.failRate).toMatchObject({ n: 3, estimate: 1 / 3 });
    expect(a1.dimensions.customer_friendly.n).toBe(3);
    const a2 = rows.find((r: { group: { id: number } }) => r.group.id === org.agents.a2.id);
    expect(a2.n).toBe(1);
    expect(a2.overall.low).toBeNull(); // one evaluation: no interval, not a precise-looking number

    const byTeam = (await (await get('/api/evaluations/aggregates?groupBy=team', u.leadB)).json()).rows;
    expect(byTeam).toEqual([]);
    const mine = (await (await get('/api/evaluations/aggregates?groupBy=agent', u.agentA1)).json()).rows;
    expect(mine.map((r: { group: { id: number } }) => r.group.id)).toEqual([org.agents.a1.id]);
    expect((await get('/api/evaluations/aggregates?groupBy=nope', u.qa)).status).toBe(400);
  });
});

describe('waveform peaks of compressed audio', () => {
  it('decodes an Ogg Vorbis demo recording', async () => {
    const { copyFileSync } = await import('node:fs');
    const src = new URL('../../../packages/db/demo-recordings/energy-meter-nl.ogg', import.meta.url).pathname;
    mkdirSync(join(recordingsDir, 'demo'), { recursive: true });
    copyFileSync(src, join(recordingsDir, 'demo', 'meter.ogg'));
    await t.db.update(schema.calls).set({ recordingPath: 'demo/meter.ogg' }).where(eq(schema.calls.id, callA2));
    const res = await get(`/api/calls/${callA2}/peaks`, u.leadA);
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p.sampleRate).toBe(16000);
    expect(p.duration).toBeGreaterThan(30);
    expect(p.peaks.length).toBeGreaterThan(500);
    expect(Math.max(...p.peaks)).toBeGreaterThan(0.1);
  });
});

describe('cross-team assignment from a sample', () => {
  it('the lead of another team opens and scores exactly the calls assigned to it, and no other call of that team', async () => {
    const post = (path: string, body?: unknown) => req('POST', path, u.admin, body);
    const definition = {
      period: 'week',
      timezone: 'Europe/Amsterdam',
      quota: { perAgent: 2 },
      exclude: { alreadyEvaluated: false, alreadySampled: false },
      assignment: { mode: 'cross_team' }
    };
    const plan = await (await post('/api/sampling/plans', { programId: org.programs.a.id, name: 'Cross-team', definition })).json();
    expect((await post(`/api/sampling/plans/${plan.id}/publish`)).status).toBe(201);
    const run = await post(`/api/sampling/plans/${plan.id}/runs`, { date: org.calls[0]!.startedAt.toISOString().slice(0, 10) });
    expect(run.status).toBe(201);
    const { runId } = await run.json();
    const items = (await (await get(`/api/sampling/runs/${runId}`, u.admin)).json()).items as { callId: number }[];
    expect(items).toHaveLength(4);

    // Team A's calls went to the lead of team B (the only other lead), not to team A's own lead
    // (the queue leaves out calls already evaluated by earlier tests).
    const work = (await (await get('/api/sampling/work', u.leadB)).json()).items as { callId: number; agentId: number }[];
    expect(work.length).toBeGreaterThan(0);
    expect(work.every((w) => [org.agents.a1.id, org.agents.a2.id].includes(w.agentId))).toBe(true);
    const assigned = work[0]!.callId;
    const notAssigned = org.calls.find((c) => c.programId === org.programs.a.id && !items.some((i) => i.callId === c.id))!.id;

    expect((await get(`/api/calls/${assigned}`, u.leadB)).status).toBe(200);
    const ctxRes = await (await get(`/api/calls/${assigned}/evaluation-context`, u.leadB)).json();
    expect(ctxRes.canEvaluate).toBe(true);
    const started = await start(u.leadB, { callId: assigned });
    expect(started.status).toBe(200);
    const evaluationId = (await started.json()).evaluation.id;
    expect((await get(`/api/evaluations/${evaluationId}`, u.leadB)).status).toBe(200);
    const listed = (await (await get('/api/calls?limit=200', u.leadB)).json()).items.map((c: { id: number }) => c.id);
    expect(listed).toEqual(expect.arrayContaining(work.map((w) => w.callId)));
    expect(listed).not.toContain(notAssigned);
    expect((await (await get('/api/evaluations', u.leadB)).json()).items.map((e: { id: number }) => e.id)).toContain(evaluationId);

    // Any other call of team A stays invisible to the lead of team B.
    expect((await get(`/api/calls/${notAssigned}`, u.leadB)).status).toBe(404);
    expect((await start(u.leadB, { callId: notAssigned })).status).toBe(404);
  });
});

describe('query values typed by hand', () => {
  it('answer 400 naming the parameter, never 500 and never another record (ids in decimal digits only)', async () => {
    for (const q of [
      'agentId=0x10',
      'agentId=1e1',
      'agentId=%201',
      'programId=+5',
      'teamId=0',
      'status=bogus',
      'from=garbage',
      'mine=1',
      'kind=nope',
      'limit=0'
    ]) {
      const res = await get(`/api/evaluations?${q}`, u.qa);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message, q).toContain(q.split('=')[0]);
    }
    for (const q of ['agentId=0x10', 'kinds=bogus', 'from=garbage', 'groupBy=x'])
      expect((await get(`/api/evaluations/aggregates?${q}`, u.qa)).status, q).toBe(400);
    expect((await get(`/api/evaluations?agentId=${org.agents.a1.id}`, u.qa)).status).toBe(200);
  });
});

describe('a call counts once toward its agent (docs/scoring.md)', () => {
  const b2 = () => org.agents.b2.id;
  const callsOfB2 = () => org.calls.filter((c) => c.agentId === org.agents.b2.id).map((c) => c.id);
  const submitNew = async (h: H, callId: number) => {
    const e = (await (await start(h, { callId })).json()).evaluation;
    return req('POST', `/api/evaluations/${e.id}/submit`, h, { version: e.version, answers: FULL });
  };

  it('refuses a second scoring of a scored call with 409 naming the evaluation that counts; n stays 1', async () => {
    const [call] = callsOfB2();
    const first = await submitNew(u.leadB, call!);
    expect(first.status).toBe(200);
    const counted = (await first.json()).evaluation.id;
    const before = await countRows();
    const again = await start(u.qa, { callId: call });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain(`evaluation ${counted} `);
    expect(await countRows()).toEqual(before);
    // The screen opens the evaluation that counts for the second evaluator, to revise it.
    expect((await (await get(`/api/calls/${call}/evaluation-context`, u.qa)).json()).countingEvaluationId).toBe(counted);
    const rows = (await (await get('/api/evaluations/aggregates?groupBy=agent', u.qa)).json()).rows;
    expect(rows.find((r: { group: { id: number } }) => r.group.id === b2())).toMatchObject({ n: 1 });
  });

  it('refuses the later submit when two evaluators drafted the same call at once', async () => {
    const call = callsOfB2()[1]!;
    const qaDraft = (await (await start(u.qa, { callId: call })).json()).evaluation;
    expect((await submitNew(u.leadB, call)).status).toBe(200);
    const late = await req('POST', `/api/evaluations/${qaDraft.id}/submit`, u.qa, { version: qaDraft.version, answers: FULL });
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toMatch(/already scored: evaluation \d+ /);
    const summary = await (await get(`/api/coaching/agents/${b2()}/summary`, u.qa)).json();
    expect(summary.total.n).toBe(2);
    const rows = (await (await get('/api/evaluations/aggregates?groupBy=agent', u.qa)).json()).rows;
    expect(rows.find((r: { group: { id: number } }) => r.group.id === b2())).toMatchObject({ n: 2 });
  });
});

describe('cached scores after every evaluation write (pnpm scores:verify)', () => {
  it('match what the answers give: drafts, submits, revisions', async () => {
    expect(await verifyCachedScores(t.db)).toMatchObject({ ok: true });
  });
});
