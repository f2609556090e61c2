// The app first: @hono/zod-openapi must extend zod before shared schemas are built.
import { createApp } from '../src/app.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';

type Page = {
  items: {
    id: number;
    startedAt: string;
    agent: { id: number };
    program: { id: number };
    client: { id: number };
    team: { id: number } | null;
    queue: { id: number } | null;
    direction: string;
    hasRecording: boolean;
    hasTranscript: boolean;
  }[];
  nextCursor: string | null;
  prevCursor: string | null;
  hasMore: boolean;
};

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let other: FixtureOrg;
let admin: Record<string, string>;
const AUDIO = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

beforeAll(async () => {
  t = await createTestDb();
  const recordings = join(t.dir, 'recordings');
  mkdirSync(join(recordings, 'x'), { recursive: true });
  writeFileSync(join(recordings, 'x', 'call.ogg'), AUDIO);
  writeFileSync(join(t.dir, 'secret.ogg'), 'TOP-SECRET-BYTES');
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', RECORDINGS_DIR: recordings }) });
  org = await createFixtureOrg(t.db, { callsPerAgent: 30 });
  other = await createFixtureOrg(t.db, { callsPerAgent: 2 });
  // One outbound call, one recording, one transcript, one path that tries to escape.
  const [c0, c1, c2] = org.calls;
  await t.db.update(schema.calls).set({ recordingPath: 'x/call.ogg' }).where(eq(schema.calls.id, c0!.id));
  await t.db.update(schema.calls).set({ recordingPath: '../secret.ogg' }).where(eq(schema.calls.id, c1!.id));
  await t.db.update(schema.calls).set({ direction: 'outbound' }).where(eq(schema.calls.id, c2!.id));
  await t.db.insert(schema.callTranscripts).values({
    callId: c0!.id,
    language: 'nl',
    turns: [
      { speaker: 'agent', start: 0.5, end: 3, text: 'Goedemorgen, u spreekt met Sanne.' },
      { speaker: 'customer', start: 3.4, end: 6, text: 'Mijn meterstanden ontbreken.' }
    ]
  });
  admin = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] })).headers;
});
afterAll(() => t.cleanup());

const get = (path: string, headers: Record<string, string>) => app.request(path, { headers });
const page = async (path: string, headers: Record<string, string>) => {
  const res = await get(path, headers);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
};
const allPages = async (query: string, headers: Record<string, string>) => {
  const ids: number[] = [];
  let p = await page(`/api/calls?${query}`, headers);
  ids.push(...p.items.map((i) => i.id));
  while (p.nextCursor) {
    p = await page(`/api/calls?${query}&cursor=${p.nextCursor}`, headers);
    ids.push(...p.items.map((i) => i.id));
  }
  return ids;
};

describe('GET /api/calls', () => {
  it('needs a signed-in principal', async () => {
    expect((await app.request('/api/calls')).status).toBe(401);
  });

  it('pages through every call of the tenant newest first, forwards and back, without a total count', async () => {
    const first = await page('/api/calls?limit=25', admin);
    expect(first.items).toHaveLength(25);
    expect(first.hasMore).toBe(true);
    expect(first.prevCursor).toBeNull();
    expect(first).not.toHaveProperty('total');
    const ids = await allPages('limit=25', admin);
    expect(ids).toHaveLength(org.calls.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => org.calls.some((c) => c.id === id))).toBe(true);
    const times = ids.map((id) => org.calls.find((c) => c.id === id)!.startedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const second = await page(`/api/calls?limit=25&cursor=${first.nextCursor}`, admin);
    expect(second.items[0]!.id).toBe(ids[25]);
    const back = await page(`/api/calls?limit=25&cursor=${second.prevCursor}`, admin);
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });

  it('filters by client, program, team, agent, queue, direction and date range', async () => {
    const byClient = await page(`/api/calls?client=${org.clients.b.id}&limit=200`, admin);
    expect(byClient.items.length).toBe(60);
    expect(byClient.items.every((i) => i.client.id === org.clients.b.id)).toBe(true);
    const byProgram = await page(`/api/calls?program=${org.programs.a.id}&limit=200`, admin);
    expect(byProgram.items.length).toBe(60);
    expect(byProgram.items.every((i) => i.program.id === org.programs.a.id)).toBe(true);
    const byTeam = await page(`/api/calls?team=${org.teams.b.id}&limit=200`, admin);
    expect(byTeam.items.map((i) => i.team?.id)).toEqual(Array(60).fill(org.teams.b.id));
    const byAgent = await page(`/api/calls?agent=${org.agents.a2.id}&limit=200`, admin);
    expect(byAgent.items.length).toBe(30);
    expect(byAgent.items.every((i) => i.agent.id === org.agents.a2.id)).toBe(true);
    const byQueue = await page(`/api/calls?queue=${org.queues.b.id}&limit=200`, admin);
    expect(byQueue.items.every((i) => i.queue?.id === org.queues.b.id) && byQueue.items.length === 60).toBe(true);
    const outbound = await page('/api/calls?direction=outbound', admin);
    expect(outbound.items.map((i) => i.id)).toEqual([org.calls[2]!.id]);
    // Fixture calls are hourly from 2026-11-02 09:00 UTC: 120 calls run to 2026-11-07 08:00 UTC.
    const day = await page('/api/calls?from=2026-11-03&to=2026-11-03&limit=200', admin);
    expect(day.items.length).toBe(24);
    expect(day.items.every((i) => i.startedAt >= '2026-11-02T23:00:00.000Z' && i.startedAt < '2026-11-03T23:00:00.000Z')).toBe(true);
    const combined = await page(`/api/calls?team=${org.teams.a.id}&program=${org.programs.b.id}`, admin);
    expect(combined.items).toEqual([]);
    expect(combined.hasMore).toBe(false);
  });

  it('flags recordings and transcripts in the rows', async () => {
    const rows = (await page(`/api/calls?agent=${org.agents.a1.id}&limit=200`, admin)).items;
    const c0 = rows.find((r) => r.id === org.calls[0]!.id)!;
    expect(c0).toMatchObject({ hasRecording: true, hasTranscript: true });
    expect(rows.find((r) => r.id === org.calls[5]!.id)).toMatchObject({ hasRecording: false, hasTranscript: false });
  });

  it('filters on having a recording and a transcript (hasRecording, hasTranscript = true|false)', async () => {
    const [c0, c1] = org.calls;
    const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
    const all = await allPages('limit=200', admin);
    expect(sorted(await allPages('hasRecording=true', admin))).toEqual(sorted([c0!.id, c1!.id]));
    expect(await allPages('hasTranscript=true', admin)).toEqual([c0!.id]);
    expect(await allPages('hasRecording=true&hasTranscript=true', admin)).toEqual([c0!.id]);
    expect(await allPages('hasRecording=true&hasTranscript=false', admin)).toEqual([c1!.id]);
    const without = await allPages('hasRecording=false&limit=200', admin);
    expect(without).toHaveLength(all.length - 2);
    expect(without).not.toContain(c0!.id);
    expect(await allPages('hasTranscript=false&limit=200', admin)).toHaveLength(all.length - 1);
    // Combined with the other filters.
    expect(await allPages(`hasRecording=true&agent=${org.agents.a1.id}`, admin)).toContain(c0!.id);
  });

  it('refuses bad input with a message naming the parameter', async () => {
    for (const [q, what] of [
      ['limit=500', 'limit'],
      ['hasRecording=yes', 'hasRecording'],
      ['hasTranscript=1', 'hasTranscript'],
      ['from=yesterday', 'from'],
      ['to=2026-02-30', 'to'],
      ['cursor=nonsense', 'cursor'],
      ['agent=abc', 'agent'],
      ['queue=-4', 'queue'],
      ['from=2026-11-05&to=2026-11-01', 'from'],
      ['direction=sideways', 'direction']
    ]) {
      const res = await get(`/api/calls?${q}`, admin);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message).toContain(what);
    }
  });

  it('shows an agent only its own calls, a team lead its teams, a client auditor its clients', async () => {
    const agent = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.b1.id })).headers;
    const own = await allPages('limit=200', agent);
    expect(own.sort()).toEqual(
      org.calls
        .filter((c) => c.agentId === org.agents.b1.id)
        .map((c) => c.id)
        .sort()
    );
    // Filtering by another agent does not widen what an agent sees.
    expect((await page(`/api/calls?agent=${org.agents.a1.id}`, agent)).items).toEqual([]);

    const agentFilters = await (await get('/api/calls/filters', agent)).json();
    expect(agentFilters.agents.map((a: { id: number }) => a.id)).toEqual([org.agents.b1.id]);
    expect(agentFilters.teams).toEqual([]);

    const lead = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'team_lead', teamId: org.teams.a.id }] })).headers;
    const leadFilters = await (await get('/api/calls/filters', lead)).json();
    expect(leadFilters.teams.map((x: { id: number }) => x.id)).toEqual([org.teams.a.id]);
    expect(leadFilters.agents.map((a: { id: number }) => a.id).sort()).toEqual([org.agents.a1.id, org.agents.a2.id].sort());
    const team = await allPages('limit=200', lead);
    expect(team.length).toBe(60);
    expect(team.every((id) => [org.agents.a1.id, org.agents.a2.id].includes(org.calls.find((c) => c.id === id)!.agentId))).toBe(true);

    const auditor = (
      await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.b.id }] })
    ).headers;
    const audited = await page('/api/calls?limit=200', auditor);
    expect(audited.items.length).toBe(60);
    expect(audited.items.every((i) => i.client.id === org.clients.b.id)).toBe(true);
    const filters = await (await get('/api/calls/filters', auditor)).json();
    expect(filters.clients.map((c: { id: number }) => c.id)).toEqual([org.clients.b.id]);
    expect(filters.programs.map((c: { id: number }) => c.id)).toEqual([org.programs.b.id]);

    // Another tenant's admin sees none of these calls.
    const foreign = (await signInAs(app, t.db, { tenantId: other.tenantId, grants: [{ role: 'admin' }] })).headers;
    const theirs = await allPages('limit=200', foreign);
    expect(theirs.sort()).toEqual(other.calls.map((c) => c.id).sort());
  });

  it('lists filter options for admins', async () => {
    const f = await (await get('/api/calls/filters', admin)).json();
    expect(f.clients).toHaveLength(2);
    expect(f.programs).toHaveLength(2);
    expect(f.teams.map((x: { code: string }) => x.code)).toEqual(['T1', 'T2']);
    expect(f.agents.map((x: { id: number }) => x.id).sort()).toEqual(
      Object.values(org.agents)
        .map((a) => a.id)
        .sort()
    );
  });
});

describe('GET /api/calls/:id', () => {
  it('returns facts and transcript turns', async () => {
    const res = await get(`/api/calls/${org.calls[0]!.id}`, admin);
    expect(res.status).toBe(200);
    const call = await res.json();
    expect(call).toMatchObject({
      id: org.calls[0]!.id,
      agent: { id: org.agents.a1.id },
      hasRecording: true,
      recordingUrl: `/api/calls/${org.calls[0]!.id}/recording`
    });
    expect(call.transcript.turns).toHaveLength(2);
    expect(call.transcript.turns[0]).toMatchObject({ speaker: 'agent', start: 0.5 });
  });

  it('answers a foreign or invisible call exactly like a missing one', async () => {
    const missing = await get('/api/calls/99999999', admin);
    const foreign = await get(`/api/calls/${other.calls[0]!.id}`, admin);
    expect(missing.status).toBe(404);
    expect(foreign.status).toBe(404);
    const strip = (b: { error: { message: string; code: string } }) => ({
      code: b.error.code,
      message: b.error.message.replace(/\d+/, 'N')
    });
    expect(strip(await foreign.json())).toEqual(strip(await missing.json()));
    const agent = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.b2.id })).headers;
    expect((await get(`/api/calls/${org.calls[0]!.id}`, agent)).status).toBe(404);
    expect((await get(`/api/calls/${org.calls[0]!.id}/recording`, agent)).status).toBe(404);
  });
});

describe('GET /api/calls/:id/recording', () => {
  const url = () => `/api/calls/${org.calls[0]!.id}/recording`;

  it('serves the whole file with its type and Accept-Ranges', async () => {
    const res = await get(url(), admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/ogg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(AUDIO.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(AUDIO)).toBe(true);
  });

  it('answers ranges with 206 and the exact bytes', async () => {
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=4900-', 4900, 4999],
      ['bytes=-10', 4990, 4999],
      ['bytes=4990-9999', 4990, 4999]
    ] as const) {
      const res = await get(url(), { ...admin, range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${AUDIO.length}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await res.arrayBuffer()).equals(AUDIO.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers unsatisfiable ranges with 416 and the size', async () => {
    for (const range of ['bytes=5000-', 'bytes=6000-7000', 'bytes=50-10', 'bytes=-0']) {
      const res = await get(url(), { ...admin, range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${AUDIO.length}`);
    }
  });

  it('refuses a recording path that escapes the recordings directory', async () => {
    const res = await get(`/api/calls/${org.calls[1]!.id}/recording`, admin);
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).not.toContain('TOP-SECRET-BYTES');
    expect(JSON.parse(body).error.code).toBe('FORBIDDEN');
    // An absolute stored path is refused the same way.
    await t.db
      .update(schema.calls)
      .set({ recordingPath: join(t.dir, 'secret.ogg') })
      .where(eq(schema.calls.id, org.calls[1]!.id));
    expect((await get(`/api/calls/${org.calls[1]!.id}/recording`, admin)).status).toBe(403);
  });

  it('answers 404 for a call without a recording', async () => {
    expect((await get(`/api/calls/${org.calls[5]!.id}/recording`, admin)).status).toBe(404);
  });
});
