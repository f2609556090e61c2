// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import type { Grant } from '@attentive/core';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { clientAuditWorld, type AuditWorld } from './support/client-audit-world.ts';
import { calibrationSession } from './support/calibration-session.ts';

/**
 * Pseudonyms beyond the evaluations and calls (client-portal.test.ts walks those): every other read a client
 * auditor gets 200 on (authz/expectations.ts) that shows a call's agent — the evaluation context, the
 * calibration session, its scoring screen and its results, the client re-score's item screen — and the reads
 * that could but must not (coaching lists, call filters, mystery, surveys, reports). With the setting on no
 * real agent name is anywhere; off, the same walk finds them (so the test can fail).
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let w: AuditWorld;
type Who = 'qa' | 'admin' | 'auditorA';
const u = {} as Record<Who, H>;
const { req, get } = jsonRequests(() => app);
const REAL = ['Agent One', 'Agent Two', 'Agent Three', 'Agent Four'];
const PSEUDONYM = /^Agent [0-9A-F]{4}$/;
let session: number;
let calibrated: number[];
let rescore: { id: number; items: { id: number; callId: number }[] };

async function ok(res: Response, status = 200) {
  expect(res.status, (await res.clone().text()).slice(0, 400)).toBe(status);
  return res.json();
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => new Date('2026-11-10T10:00:00Z') });
  w = await clientAuditWorld(t.db);
  const { org } = w;
  const grants: Record<Who, Grant[]> = {
    qa: [{ role: 'qa_analyst' }],
    admin: [{ role: 'admin' }],
    auditorA: [{ role: 'client_auditor', clientId: org.clients.a.id }]
  };
  const person = {} as Record<Who, number>;
  for (const who of Object.keys(grants) as Who[]) {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: grants[who], name: `Pseudo ${who}` });
    u[who] = s.headers;
    person[who] = s.personId;
  }
  // Calls of client a's program by both of its agents: one pair calibrated (revealed), one pair scored by QA today.
  const callsA = org.calls.filter((c) => c.programId === org.programs.a.id);
  const byAgent = (agentId: number) => callsA.filter((c) => c.agentId === agentId).map((c) => c.id);
  const [a1, a2] = [byAgent(org.agents.a1.id), byAgent(org.agents.a2.id)];
  calibrated = [a1[0]!, a2[0]!];
  // The agent says its name on the call: the transcripts of client a's calls name their agent.
  const agentName = new Map([w.org.agents.a1, w.org.agents.a2].map((a) => [a.id, a.name]));
  for (const c of callsA)
    await t.db.insert(schema.callTranscripts).values({
      callId: c.id,
      language: 'en',
      turns: [
        { speaker: 'agent', start: 0, end: 3, text: `Good morning, you are speaking with ${agentName.get(c.agentId)}.` },
        { speaker: 'customer', start: 3, end: 5, text: `Thank you, ${agentName.get(c.agentId)!.split(' ')[1]}.` }
      ]
    });
  const scores = Object.fromEntries(calibrated.map((id) => [id, { greet: 'yes' }]));
  session = (
    await calibrationSession(t.db, {
      tenantId: org.tenantId,
      programId: org.programs.a.id,
      callIds: calibrated,
      facilitatorId: person.qa,
      participants: [
        { personId: person.qa, grants: grants.qa },
        { personId: person.auditorA, grants: grants.auditorA }
      ],
      scores: [scores, scores],
      revealed: true,
      now: new Date('2026-11-09T10:00:00Z')
    })
  ).sessionId;
  for (const callId of [a1[1]!, a2[1]!]) {
    const started = await ok(await req('POST', '/api/evaluations', u.qa, { callId }));
    await ok(
      await req('POST', `/api/evaluations/${started.evaluation.id}/submit`, u.qa, {
        version: started.evaluation.version,
        answers: { greet: 'yes' }
      })
    );
  }
  // One of today's two evaluations drawn (50 % of 2) for the re-score's item screen.
  rescore = await ok(
    await req('POST', '/api/client/rescores', u.auditorA, {
      programId: org.programs.a.id,
      fromDay: '2026-11-10',
      toDay: '2026-11-10',
      sharePercent: 50
    }),
    201
  );
});
afterAll(() => t.cleanup());

/** Every read of the walk, its body as text: the ones that show a call's agent, and the ones that must not. */
async function auditorBodies(h: H) {
  const A = w.org.programs.a.id;
  const item = rescore.items[0]!;
  const paths = [
    ...calibrated.map((id) => `/api/calls/${id}/evaluation-context`),
    ...calibrated.map((id) => `/api/calls/${id}`),
    '/api/calibration/sessions',
    `/api/calibration/sessions/${session}`,
    `/api/calibration/sessions/${session}/results`,
    ...calibrated.map((id) => `/api/calibration/sessions/${session}/calls/${id}/score`),
    '/api/calibration/evaluators',
    '/api/client/rescores',
    `/api/client/rescores/${rescore.id}`,
    `/api/client/rescores/${rescore.id}/items/${item.id}`,
    `/api/client/rescores/${rescore.id}/verify`,
    `/api/client/rescores/${rescore.id}/population.csv`,
    '/api/calls/filters',
    '/api/coaching/sessions',
    '/api/coaching/disputes',
    '/api/coaching/self-evaluations',
    `/api/mystery/reachability?programId=${A}`,
    `/api/mystery/reachability/imported?programId=${A}`,
    `/api/mystery/scenario-results?programId=${A}`,
    `/api/surveys/results?programId=${A}`,
    `/api/client/programs/${A}/reports`
  ];
  const out: Record<string, string> = {};
  for (const path of paths) {
    const res = await get(path, h);
    const text = await res.text();
    expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
    out[path] = text;
  }
  return out;
}

const setPseudonyms = (on: boolean) =>
  t.db.update(schema.clients).set({ pseudonymiseAgents: on }).where(eq(schema.clients.id, w.org.clients.a.id));

describe('pseudonyms in calibration, the evaluation context and the client re-score', () => {
  it("with the setting on, the auditor's walk names no agent; the same agent has the same pseudonym on every screen", async () => {
    await setPseudonyms(true);
    try {
      const bodies = await auditorBodies(u.auditorA);
      for (const [path, body] of Object.entries(bodies)) for (const name of REAL) expect(body, `${path} names ${name}`).not.toContain(name);
      const json = (path: string) => JSON.parse(bodies[path]!);
      // The first calibrated call is agent a1's: one pseudonym for it on the four screens that show it.
      const [c1] = calibrated;
      const shown = json(`/api/calls/${c1}/evaluation-context`).contact.agent.name;
      expect(shown).toMatch(PSEUDONYM);
      const detail = json(`/api/calibration/sessions/${session}`);
      expect(detail.callList.find((c: { callId: number }) => c.callId === c1).agentName).toBe(shown);
      const results = json(`/api/calibration/sessions/${session}/results`);
      expect(results.calls.find((c: { callId: number }) => c.callId === c1).agentName).toBe(shown);
      const scoring = json(`/api/calibration/sessions/${session}/calls/${c1}/score`);
      expect(scoring.contact.agent).toMatchObject({ id: w.org.agents.a1.id, name: shown, code: shown.slice(-4) });
      const evaluations = await ok(await get(`/api/evaluations?programId=${w.org.programs.a.id}&limit=200`, u.auditorA));
      expect(evaluations.items.find((e: { agentId: number }) => e.agentId === w.org.agents.a1.id).agentName).toBe(shown);
      const item = json(`/api/client/rescores/${rescore.id}/items/${rescore.items[0]!.id}`);
      expect(item.contact.agent.name).toMatch(PSEUDONYM);
      // What the agent and the customer said names the pseudonym too, on the call and on every scoring screen.
      const said = [`Good morning, you are speaking with ${shown}.`, `Thank you, ${shown}.`];
      expect(json(`/api/calls/${c1}`).transcript.turns.map((x: { text: string }) => x.text)).toEqual(said);
      expect(json(`/api/calls/${c1}/evaluation-context`).transcript.map((x: { text: string }) => x.text)).toEqual(said);
      expect(scoring.transcript.map((x: { text: string }) => x.text)).toEqual(said);
      for (const body of Object.values(bodies)) expect(body).not.toMatch(/speaking with Agent (One|Two)|Thank you, (One|Two)\b/);
      // The other participants and the facilitator are not agents: they keep their names.
      expect(detail.participantList.map((p: { name: string }) => p.name).sort()).toEqual(['Pseudo auditorA', 'Pseudo qa']);
      expect(results.session.facilitatorName).toBe('Pseudo qa');
      // The contact center's own people see the names on the same screens.
      const qa = await ok(await get(`/api/calibration/sessions/${session}/results`, u.qa));
      expect(qa.calls.find((c: { callId: number }) => c.callId === c1).agentName).toBe('Agent One');
      const admin = await ok(await get(`/api/calls/${c1}/evaluation-context`, u.admin));
      expect(admin.contact.agent.name).toBe('Agent One');
      const qaItem = await ok(await get(`/api/client/rescores/${rescore.id}/items/${rescore.items[0]!.id}`, u.qa));
      expect(REAL).toContain(qaItem.contact.agent.name);
    } finally {
      await setPseudonyms(false);
    }
  });

  it('without the setting the same walk finds the names (the test can fail)', async () => {
    const bodies = await auditorBodies(u.auditorA);
    const naming = (path: string) => REAL.some((n) => bodies[path]!.includes(n));
    expect(naming(`/api/calls/${calibrated[0]}/evaluation-context`)).toBe(true);
    expect(bodies[`/api/calls/${calibrated[0]}`]).toMatch(/speaking with Agent One\..*Thank you, One\./);
    expect(naming(`/api/calibration/sessions/${session}`)).toBe(true);
    expect(naming(`/api/calibration/sessions/${session}/results`)).toBe(true);
    expect(naming(`/api/calibration/sessions/${session}/calls/${calibrated[0]}/score`)).toBe(true);
    expect(naming(`/api/client/rescores/${rescore.id}/items/${rescore.items[0]!.id}`)).toBe(true);
  });
});
