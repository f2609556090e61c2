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
/** Today's evaluations by QA: of agent a1's and of agent a2's second call. */
const scoredToday: { id: number; callId: number; agent: string }[] = [];

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
    scoredToday.push({ id: started.evaluation.id, callId, agent: callId === a1[1] ? w.org.agents.a1.name : w.org.agents.a2.name });
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

  it("what evaluators wrote about the call (comments, a revision's reason, calibration notes) names the agent by its pseudonym for the auditor", async () => {
    // The one the auditor's re-score did not draw: a drawn one stays sealed until the auditor scored it.
    const { id, agent } = scoredToday.find((e) => !rescore.items.some((i) => i.callId === e.callId))!;
    const [first, last] = agent.split(' ') as [string, string];
    await ok(await req('POST', `/api/evaluations/${id}/comments`, u.qa, { text: `${agent} greets well; ${last} could ask more.` }), 201);
    await ok(await req('POST', `/api/evaluations/${id}/comments`, u.qa, { text: 'Nobody named here.' }), 201);
    const current = await ok(await get(`/api/evaluations/${id}`, u.qa));
    await ok(
      await req('POST', `/api/evaluations/${id}/revisions`, u.qa, {
        revision: current.evaluation.revision,
        answers: { greet: 'no' },
        reason: `Listened again: ${last.toUpperCase()} did not greet.`
      })
    );
    const texts = (e: { comments: { text: string }[]; revisions: { reason: string | null }[] }) => [
      ...e.comments.map((c) => c.text),
      ...e.revisions.map((r) => r.reason)
    ];
    await setPseudonyms(true);
    try {
      const seen = await ok(await get(`/api/evaluations/${id}`, u.auditorA));
      const shown = seen.contact.agent.name;
      expect(shown).toMatch(PSEUDONYM);
      expect(texts(seen)).toEqual([
        `${shown} greets well; ${shown} could ask more.`,
        'Nobody named here.',
        null,
        `Listened again: ${shown} did not greet.`
      ]);
      // The contact center reads what was written.
      expect(texts(await ok(await get(`/api/evaluations/${id}`, u.qa)))).toEqual([
        `${first} ${last} greets well; ${last} could ask more.`,
        'Nobody named here.',
        null,
        `Listened again: ${last.toUpperCase()} did not greet.`
      ]);
    } finally {
      await setPseudonyms(false);
    }
    // The calibration session's notes and an agreed answer's note, written about agent a1's call.
    const [c1] = calibrated;
    const [first1, last1] = w.org.agents.a1.name.split(' ') as [string, string];
    await t.db
      .update(schema.calibrationSessions)
      .set({ notes: `${last1} and ${w.org.agents.a2.name} were discussed.` })
      .where(eq(schema.calibrationSessions.id, session));
    await t.db.insert(schema.calibrationConsensus).values({
      sessionId: session,
      callId: c1!,
      itemId: 'greet',
      answer: 'yes',
      note: `${first1} ${last1} greeted.`,
      decidedBy: 'test',
      decidedAt: new Date()
    });
    const notes = (r: { session: { notes: string }; calls: { callId: number; items: { agreed: { note: string } | null }[] }[] }) => [
      r.session.notes,
      r.calls.find((c) => c.callId === c1)!.items[0]!.agreed!.note
    ];
    await setPseudonyms(true);
    try {
      const results = await ok(await get(`/api/calibration/sessions/${session}/results`, u.auditorA));
      const [p1, p2] = [w.org.agents.a1.id, w.org.agents.a2.id].map(
        (agentId) =>
          results.calls.find((c: { callId: number }) => c.callId === calibrated[agentId === w.org.agents.a1.id ? 0 : 1]).agentName
      );
      expect(notes(results)).toEqual([`${p1} and ${p2} were discussed.`, `${p1} greeted.`]);
    } finally {
      await setPseudonyms(false);
    }
    expect(notes(await ok(await get(`/api/calibration/sessions/${session}/results`, u.auditorA)))).toEqual([
      `${last1} and ${w.org.agents.a2.name} were discussed.`,
      `${first1} ${last1} greeted.`
    ]);
    // Without the setting the auditor reads it as written too (so the test can fail).
    expect(texts(await ok(await get(`/api/evaluations/${id}`, u.auditorA)))[0]).toBe(`${agent} greets well; ${last} could ask more.`);
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
