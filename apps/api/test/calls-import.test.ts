import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@attentive/db';
import { sweepInterruptedImports } from '@attentive/core';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';
import { jsonTooDeepAt } from '../src/middleware/json-body.ts';
import { signInAs, tokenHeaders } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let other: FixtureOrg;
const h: Record<string, Record<string, string>> = {};

const HEADER =
  'source,external_id,program_code,queue_code,agent_code,direction,started_at,answer_seconds,talk_seconds,hold_seconds,transfers,disposition,customer_ref,recording,language';
const line = (id: string, o: Partial<Record<'program' | 'queue' | 'agent' | 'talk' | 'ref' | 'source', string>> = {}) =>
  `${o.source ?? ''},${id},${o.program ?? 'EN-CARE'},${o.queue ?? 'billing'},${o.agent ?? 'A1'},inbound,2026-11-05T08:30:00Z,7,${o.talk ?? '240'},0,0,resolved,${o.ref ?? `c-${id}`},,nl`;
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

/** A streamed request body, as a browser or curl sends a large file. */
const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      const b = new TextEncoder().encode(text);
      for (let i = 0; i < b.length; i += 50) c.enqueue(b.slice(i, i + 50));
      c.close();
    }
  });

async function upload(who: string | null, csv: string, query = 'mode=skip-invalid&source=pbx') {
  const res = await app.request(`/api/calls/import?${query}`, {
    method: 'POST',
    headers: { ...(who ? h[who] : {}), 'content-type': 'text/csv' },
    body: streamOf(csv),
    duplex: 'half'
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as any };
}

async function post(who: string | null, path: string, body: unknown) {
  const res = await app.request(`/api${path}`, {
    method: 'POST',
    headers: { ...(who ? h[who] : {}), 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function get(who: string, path: string) {
  const res = await app.request(`/api${path}`, { headers: h[who] });
  return { status: res.status, body: (await res.json()) as any };
}

const count = async (tenantId: number, source: string) =>
  Number(
    (await t.db.$client.execute({ sql: 'SELECT count(*) FROM calls WHERE tenant_id = ? AND source = ?', args: [tenantId, source] }))
      .rows[0]![0]
  );

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db, { callsPerAgent: 0 });
  other = await createFixtureOrg(t.db, { callsPerAgent: 0 });
  h.admin = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] })).headers;
  h.qa = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] })).headers;
  h.otherAdmin = (await signInAs(app, t.db, { tenantId: other.tenantId, grants: [{ role: 'admin' }] })).headers;
  h.tokenA = (await tokenHeaders(t.db, { tenantId: org.tenantId, programId: org.programs.a.id })).headers;
  h.tokenClientB = (await tokenHeaders(t.db, { tenantId: org.tenantId, clientId: org.clients.b.id })).headers;
});
afterAll(() => t.cleanup());

describe('POST /api/calls/import (streamed CSV)', () => {
  it('imports good rows; the same file again adds nothing; a changed row updates', async () => {
    const csv = file(line('g1'), line('g2', { agent: 'A2' }), line('g3', { source: 'dialer', queue: '' }));
    const first = await upload('admin', csv, 'mode=all-or-nothing&source=pbx');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'completed',
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      errorCount: 0,
      errors: []
    });
    expect(await count(org.tenantId, 'pbx')).toBe(2);
    expect(await count(org.tenantId, 'dialer')).toBe(1);

    const again = await upload('admin', csv, 'mode=all-or-nothing&source=pbx');
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await count(org.tenantId, 'pbx')).toBe(2);

    const changed = await upload('admin', file(line('g1', { talk: '300' }), line('g2', { agent: 'A2' })), 'mode=all-or-nothing&source=pbx');
    expect(changed.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
  });

  it('reports every bad row with line, column and reason; skip-invalid stores the good ones', async () => {
    const csv = file(
      line('s1'),
      line('s2', { agent: 'GHOST' }),
      line('s3', { talk: 'x' }),
      line('s4', { ref: '+31 6 12345678' }),
      line('s5', { program: 'NOPE' }),
      line('s6', { queue: 'tech' }),
      line('s7')
    );
    const r = await upload('admin', csv, 'mode=skip-invalid&source=skip');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'completed', rows: 7, inserted: 2, invalid: 5, errorCount: 5 });
    expect(r.body.errors).toEqual([
      { line: 3, column: 'agent_code', reason: 'unknown agent "GHOST"' },
      { line: 4, column: 'talk_seconds', reason: expect.stringMatching(/whole number/) },
      { line: 5, column: 'customer_ref', reason: expect.stringMatching(/telephone number/) },
      { line: 6, column: 'program_code', reason: 'unknown program "NOPE"' },
      { line: 7, column: 'queue_code', reason: 'unknown queue "tech" in program "EN-CARE"' }
    ]);
    expect(await count(org.tenantId, 'skip')).toBe(2);
  });

  it('all-or-nothing stores nothing when one row is bad (400 naming the line)', async () => {
    const importId = randomUUID();
    const r = await upload(
      'admin',
      file(line('n1'), line('n2'), line('n3', { agent: 'ZZ' })),
      `mode=all-or-nothing&source=aon&importId=${importId}`
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION');
    expect(r.body.error.message).toMatch(/1 of 3 rows are invalid; nothing was imported/);
    expect(r.body.error.details).toEqual([{ line: 4, column: 'agent_code', message: 'unknown agent "ZZ"' }]);
    expect(await count(org.tenantId, 'aon')).toBe(0);
    const run = await get('admin', `/imports/${importId}`);
    expect(run.body).toMatchObject({
      id: importId,
      status: 'rejected',
      rows: 3,
      invalid: 1,
      inserted: 0,
      errors: [{ line: 4, column: 'agent_code' }]
    });
  });

  it('all-or-nothing over more rows than a chunk: a bad last row or a foreign call stores nothing; a good file is stored whole', async () => {
    // On a libSQL server this import checks every row before it writes in chunks (docs/import.md); on a file it is one transaction.
    const big = (n: number, last: string) => file(...Array.from({ length: n }, (_, i) => line(`ch-${i}`)), last);
    const send = async (who: string, csv: string, query: string) => {
      const res = await app.request(`/api/calls/import?${query}`, {
        method: 'POST',
        headers: { ...h[who], 'content-type': 'text/csv' },
        body: csv
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const bad = await send('admin', big(10_500, line('ch-x', { agent: 'ZZ' })), 'mode=all-or-nothing&source=chunk');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^1 of 10501 rows are invalid; nothing was imported/);
    expect(await count(org.tenantId, 'chunk')).toBe(0);

    // A call of program B that a program-A token may not take over, as the last row after a chunk's worth of good ones.
    expect(
      (
        await send(
          'admin',
          file(line('owned', { program: 'TW-SUPPORT', queue: 'tech', agent: 'B1', source: 'chunk' })),
          'mode=all-or-nothing&source=chunk'
        )
      ).status
    ).toBe(200);
    const foreign = await send('tokenA', big(10_500, line('owned', { source: 'chunk' })), 'mode=all-or-nothing&source=chunk');
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([
      { line: 10_502, column: 'external_id', message: expect.stringMatching(/belongs to a program you may not import into/) }
    ]);
    expect(await count(org.tenantId, 'chunk')).toBe(1);

    const good = await send('admin', big(10_500, line('ch-last')), 'mode=all-or-nothing&source=chunk');
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ status: 'completed', rows: 10_501, inserted: 10_501, invalid: 0 });
    expect(await count(org.tenantId, 'chunk')).toBe(10_502);
    expect((await get('admin', `/imports/${good.body.importId}`)).body).toMatchObject({
      status: 'completed',
      rows: 10_501,
      inserted: 10_501
    });
  }, 30_000);

  // Only on a server: one process owns a file, so nobody else sweeps its running imports.
  it.runIf(process.env.ATTENTIVE_TEST_DB === 'sqld')(
    'on a libSQL server: an import that another process marked interrupted (stale heartbeat) stops (409) instead of reviving its row',
    async () => {
      const importId = randomUUID();
      const enc = new TextEncoder();
      let sent = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      // 400 rows every 100 ms for up to 10 s: the import commits a chunk about every second.
      const body = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(enc.encode(HEADER + '\n')),
        pull: (c) =>
          new Promise<void>((resolve) => {
            timer = setTimeout(() => {
              if (sent >= 40_000) c.close();
              else c.enqueue(enc.encode(Array.from({ length: 400 }, () => line(`stale-${sent++}`)).join('\n') + '\n'));
              resolve();
            }, 100);
          }),
        cancel: () => clearTimeout(timer)
      });
      const done = app.request(`/api/calls/import?mode=skip-invalid&source=stale&importId=${importId}`, {
        method: 'POST',
        headers: { ...h.admin, 'content-type': 'text/csv' },
        body,
        duplex: 'half'
      } as RequestInit);
      while ((await count(org.tenantId, 'stale')) === 0) await new Promise((r) => setTimeout(r, 100));
      // As another process would after the stale limit (here: any heartbeat counts as stale).
      const swept = await sweepInterruptedImports(t.db, new Date(), { staleBefore: new Date(Date.now() + 60_000) });
      expect(swept.map((s) => s.id)).toEqual([importId]);
      const r = await done;
      expect(r.status).toBe(409);
      expect(((await r.json()) as any).error.message).toMatch(/was marked interrupted by another server process/);
      expect(sent).toBeLessThan(40_000); // it stopped reading the upload
      const run = await get('admin', `/imports/${importId}`);
      expect(run.body.status).toBe('failed');
      expect(run.body.message).toMatch(/^Interrupted: /);
      // The committed chunks stay, no more: the row's counts (of the sweep) are what is stored.
      expect(await count(org.tenantId, 'stale')).toBe(run.body.inserted);
    },
    30_000
  );

  it('refuses a bad header, a wrong content type and an empty body before importing', async () => {
    const bad = await upload('admin', 'external_id,agent\nx,y\n');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: 1, column: 'agent', message: expect.stringMatching(/unknown column/) })])
    );
    const json = await post('admin', '/calls/import', { not: 'csv' });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toMatch(/text\/csv/);
    const empty = await upload('admin', '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);
  });

  it('refuses a file that is not UTF-8, naming the line of the first bad byte; converts one whose charset is declared', async () => {
    const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // every character below U+0100
    const bytes = latin1(file(line('l1'), line('l2', { ref: 'café-7' })));
    const send = (type: string) =>
      app.request('/api/calls/import?mode=skip-invalid&source=latin', {
        method: 'POST',
        headers: { ...h.admin, 'content-type': type },
        body: bytes
      });
    const refused = await send('text/csv');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error.message).toMatch(/not UTF-8 text: byte 0xE9 on line 3 .*charset=windows-1252/);
    expect(await count(org.tenantId, 'latin')).toBe(0);
    const converted = await send('text/csv; charset=ISO-8859-1');
    expect(converted.status).toBe(200);
    const stored = await t.db.$client.execute({
      sql: "SELECT customer_ref FROM calls WHERE tenant_id = ? AND source = 'latin' ORDER BY external_id",
      args: [org.tenantId]
    });
    expect(stored.rows.map((r) => r[0])).toEqual(['c-l1', 'café-7']);
    const unknown = await send('text/csv; charset=klingon');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).error.message).toMatch(/Unknown charset "klingon"/);
  });

  it('refuses call dates before 2000 or more than a day ahead, and hidden characters in text cells', async () => {
    const at = (id: string, when: string) => line(id).replace('2026-11-05T08:30:00Z', when);
    const soon = new Date(Date.now() + 3 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const csv = file(
      at('y1', '0001-01-01T00:00:00Z'),
      at('y2', '9999-12-31T23:59:59Z'),
      at('y3', '1999-12-31T23:00:00Z'),
      at('y4', soon),
      line('y5', { ref: 'c-\u202eevil' }),
      line('y6\u200b')
    );
    const r = await upload('admin', csv, 'mode=skip-invalid&source=years');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ inserted: 1, invalid: 5 });
    expect(r.body.errors).toEqual([
      { line: 2, column: 'started_at', reason: expect.stringMatching(/0001-01-01 is before 2000-01-01/) },
      { line: 3, column: 'started_at', reason: expect.stringMatching(/9999-12-31 is in the future/) },
      { line: 4, column: 'started_at', reason: expect.stringMatching(/before 2000-01-01/) },
      { line: 6, column: 'customer_ref', reason: expect.stringMatching(/text-direction override \(U\+202E/) },
      { line: 7, column: 'external_id', reason: expect.stringMatching(/invisible character \(U\+200B/) },
      { line: 7, column: 'customer_ref', reason: expect.stringMatching(/invisible character/) }
    ]);
    const nul = await post('admin', '/calls/webhook?source=years', {
      external_id: 'n\u0000ul',
      program_code: 'EN-CARE',
      agent_code: 'A1',
      direction: 'inbound',
      started_at: '2026-11-05T08:30:00Z',
      talk_seconds: 5
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.details[0]).toMatchObject({
      column: 'external_id',
      message: expect.stringMatching(/control character \(U\+0000/)
    });
  });

  it('refuses anonymous callers and roles without import rights', async () => {
    expect((await upload(null, file(line('x1')))).status).toBe(401);
    expect((await upload('qa', file(line('x1')))).status).toBe(403);
    expect(await count(org.tenantId, 'pbx')).toBe(2);
  });

  it('accepts bodies above the general 1 MB limit (streamed, not buffered)', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => line(`big-${i}`, { agent: i % 2 ? 'A1' : 'A2' }));
    const csv = file(...rows);
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const r = await upload('admin', csv, 'mode=skip-invalid&source=big');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 12_000, inserted: 12_000, invalid: 0 });
    expect(await count(org.tenantId, 'big')).toBe(12_000);
  });
});

describe('tenants and API tokens', () => {
  it("a foreign tenant cannot see or touch this tenant's codes or imports", async () => {
    const r = await upload('otherAdmin', file(line('f1', { agent: 'NOT-THERE' })), 'mode=skip-invalid&source=pbx');
    expect(r.body.errors[0]).toMatchObject({ column: 'agent_code', reason: 'unknown agent "NOT-THERE"' });
    const mine = await upload('admin', file(line('f2')), 'mode=skip-invalid&source=foreign-check');
    expect((await get('otherAdmin', `/imports/${mine.body.importId}`)).status).toBe(404);
    expect(await count(other.tenantId, 'foreign-check')).toBe(0);
  });

  it('a program token imports its own program; rows of another program are row errors', async () => {
    const r = await upload(
      'tokenA',
      file(line('k1'), line('k2', { program: 'TW-SUPPORT', queue: 'tech', agent: 'B1' })),
      'mode=skip-invalid&source=tok'
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ inserted: 1, invalid: 1 });
    expect(r.body.errors[0]).toMatchObject({
      line: 3,
      column: 'program_code',
      reason: expect.stringMatching(/outside what you may import/)
    });
  });

  it('a client token cannot take over a call of another client with the same external id', async () => {
    await upload('admin', file(line('k9')), 'mode=skip-invalid&source=tok2');
    const r = await upload(
      'tokenClientB',
      file(line('k9', { program: 'TW-SUPPORT', queue: 'tech', agent: 'B1' })),
      'mode=all-or-nothing&source=tok2'
    );
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({
      line: 2,
      column: 'external_id',
      message: expect.stringMatching(/belongs to a program you may not import into/)
    });
  });

  it('tokens see their own import runs only; admins see all', async () => {
    const mine = await upload('tokenA', file(line('k3')), 'mode=skip-invalid&source=tok');
    expect((await get('tokenA', `/imports/${mine.body.importId}`)).status).toBe(200);
    expect((await get('tokenClientB', `/imports/${mine.body.importId}`)).status).toBe(404);
    const list = await get('admin', '/imports?limit=50');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(mine.body.importId);
    const tokList = await get('tokenClientB', '/imports');
    expect(tokList.body.items.map((i: { id: string }) => i.id)).not.toContain(mine.body.importId);
  });
});

describe('POST /api/calls/batch and /api/calls/webhook', () => {
  const rec = (id: string, over: Record<string, unknown> = {}) => ({
    external_id: id,
    program_code: 'EN-CARE',
    queue_code: 'billing',
    agent_code: 'A1',
    direction: 'inbound',
    started_at: '2026-11-06T09:00:00+01:00',
    talk_seconds: 180,
    customer_ref: `c-${id}`,
    ...over
  });

  it('batch: same validation and modes; reports records by index', async () => {
    const r = await post('admin', '/calls/batch?mode=skip-invalid&source=batch', [
      rec('b1'),
      rec('b2', { agent_code: 'NOBODY' }),
      rec('b3', { talkSeconds: 5 })
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 3, inserted: 1, invalid: 2 });
    expect(r.body.errors).toEqual([
      { index: 1, column: 'agent_code', reason: 'unknown agent "NOBODY"' },
      { index: 2, column: 'talkSeconds', reason: 'unknown field "talkSeconds"' }
    ]);
    const aon = await post('admin', '/calls/batch?mode=all-or-nothing&source=batch2', [rec('b4'), rec('b5', { direction: 'up' })]);
    expect(aon.status).toBe(400);
    expect(aon.body.error.details).toEqual([
      { path: '1.direction', column: 'direction', message: expect.stringMatching(/inbound or outbound/) }
    ]);
    expect(await count(org.tenantId, 'batch2')).toBe(0);
  });

  it('batch and webhook: an array nested 5,000 deep in a field is a 400 before validation, and leaves no import row', async () => {
    const before = Number((await t.db.$client.execute('SELECT count(*) FROM imports')).rows[0]![0]);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const [path, body] of [
      ['/calls/batch?source=deep', `[{"external_id":"d1","talk_seconds":${deep}}]`],
      ['/calls/webhook?source=deep', `{"external_id":"d1","direction":${deep}}`]
    ] as const) {
      const res = await app.request(`/api${path}`, { method: 'POST', headers: { ...h.admin, 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.message).toMatch(/nests arrays\/objects deeper than 32 levels/);
    }
    expect(Number((await t.db.$client.execute('SELECT count(*) FROM imports')).rows[0]![0])).toBe(before);
  });

  it('JSON bodies: brackets inside strings do not count as nesting; invalid UTF-8 is refused', async () => {
    expect(jsonTooDeepAt('[{"a":"[[[[[[[[\\"[[[["}]', 3)).toBe(-1);
    expect(jsonTooDeepAt('[[[[]]]]', 3)).toBe(3);
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"external_id":"caf'), 0xe9, ...new TextEncoder().encode('"}')]);
    const res = await app.request('/api/calls/webhook', {
      method: 'POST',
      headers: { ...h.admin, 'content-type': 'application/json' },
      body: latin1
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/not valid UTF-8/);
  });

  it('a rejected import keeps the first 100 errors with cells cut short, and says how many more there were', async () => {
    const huge = 'x'.repeat(60_000);
    const records = Array.from({ length: 40 }, (_, i) => rec(`e${i}`, { started_at: huge, agent_code: `A${huge}`, [`k${huge}`]: 1 }));
    const importId = randomUUID();
    const r = await post('admin', `/calls/batch?mode=all-or-nothing&source=echo&importId=${importId}`, records);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/the first 100 of 120 errors are listed/);
    expect(r.body.error.details).toHaveLength(100);
    for (const d of r.body.error.details) {
      expect(d.message.length).toBeLessThanOrEqual(200);
      expect(d.column.length).toBeLessThanOrEqual(100);
    }
    const stored = (
      await t.db.$client.execute({ sql: 'SELECT length(errors) AS n, error_count FROM imports WHERE id = ?', args: [importId] })
    ).rows[0]!;
    expect(Number(stored.n)).toBeLessThan(40_000);
    expect(Number(stored.error_count)).toBe(120);
    const run = await get('admin', `/imports/${importId}`);
    expect(run.body).toMatchObject({ errorCount: 120, message: expect.stringMatching(/first 100 of 120 errors/) });
  });

  it('batch: refuses more than the maximum', async () => {
    const r = await post(
      'admin',
      '/calls/batch',
      Array.from({ length: 5001 }, (_, i) => rec(`m${i}`))
    );
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/at most 5000/);
  });

  it('webhook: 201 created, 200 unchanged, 200 updated, 400 with details', async () => {
    const created = await post('tokenA', '/calls/webhook?source=pbx-hook', rec('w1'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'created', externalId: 'w1', source: 'pbx-hook' });
    const same = await post('tokenA', '/calls/webhook?source=pbx-hook', rec('w1'));
    expect(same).toMatchObject({ status: 200, body: { status: 'unchanged', callId: created.body.callId } });
    const upd = await post('tokenA', '/calls/webhook?source=pbx-hook', rec('w1', { hold_seconds: 12 }));
    expect(upd).toMatchObject({ status: 200, body: { status: 'updated', callId: created.body.callId } });
    const bad = await post('tokenA', '/calls/webhook?source=pbx-hook', rec('w2', { agent_code: 'NOPE', recording: '../x.mp3' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { column: string }) => d.column).sort()).toEqual(['agent_code', 'recording']);
  });

  it('webhook: a token of another client is refused for this program', async () => {
    const r = await post('tokenClientB', '/calls/webhook?source=pbx-hook', rec('w3'));
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({
      column: 'program_code',
      message: expect.stringMatching(/outside what you may import/)
    });
  });

  it('serves the CSV template to importers, and it imports cleanly into a tenant with those codes', async () => {
    const res = await app.request('/api/calls/import/template.csv', { headers: h.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await res.text()).split('\n')[0]).toBe(HEADER);
    expect((await app.request('/api/calls/import/template.csv', { headers: h.qa })).status).toBe(403);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/calls/import', '/api/calls/batch', '/api/calls/webhook', '/api/imports/{id}'])
    );
  });
});

describe('docs/import.md', () => {
  /** Splits a shell command line into words (single and double quotes; $TOKEN stays as text). */
  const words = (cmd: string) => [...cmd.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

  it('every curl example is a request that works (the same method, headers and body, against this app)', async () => {
    const doc = readFileSync(new URL('../../../docs/import.md', import.meta.url), 'utf8');
    const examples = doc.slice(doc.indexOf('## Examples'));
    const commands = [...examples.matchAll(/```sh\n([\s\S]*?)```/g)]
      .flatMap((b) => b[1]!.replace(/\\\n\s*/g, ' ').split('\n'))
      .filter((l) => l.startsWith('curl '));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    const [person] = await t.db.insert(schema.people).values({ tenantId: org.tenantId, code: 'AG001', name: 'Doc agent' }).returning();
    expect(person).toBeDefined();
    const files: Record<string, Uint8Array> = {
      'calls.csv': new TextEncoder().encode(file(line('doc-1'))),
      'calls-latin1.csv': Uint8Array.from(file(line('doc-2', { ref: 'café-2' })), (ch) => ch.charCodeAt(0))
    };
    for (const cmd of commands) {
      const w = words(cmd);
      const headers: Record<string, string> = {};
      let method: string | undefined;
      let body: string | Uint8Array | undefined;
      let url = '';
      for (let i = 1; i < w.length; i++) {
        const a = w[i]!;
        if (a === '-H') {
          const [k, ...v] = w[++i]!.split(':');
          headers[k!.trim().toLowerCase()] = v.join(':').trim().replace('Bearer $TOKEN', h.tokenA!.authorization!);
        } else if (a === '-X') method = w[++i];
        else if (a === '--data' || a === '--data-binary') {
          const v = w[++i]!;
          body = v.startsWith('@') ? files[v.slice(1)] : v;
          method ??= 'POST';
        } else if (a === '-T') {
          body = files[w[++i]!];
          method ??= 'PUT'; // what curl does
        } else if (a.startsWith('http')) url = a;
      }
      expect(body, `${cmd}: a file the test does not know`).toBeDefined();
      const res = await app.request(url.replace(/^https?:\/\/[^/]+/, ''), {
        method: method ?? 'GET',
        headers,
        body: body as BodyInit | undefined
      });
      expect(res.status, `${cmd}\n→ ${res.status} ${await res.clone().text()}`).toBeLessThan(300);
    }
    const latin = await t.db.$client.execute({
      sql: "SELECT customer_ref FROM calls WHERE tenant_id = ? AND external_id = 'doc-2'",
      args: [org.tenantId]
    });
    expect(latin.rows[0]![0]).toBe('café-2');
  });

  it('a CSV record over 1 MiB names the per-record limit; a PUT (curl -T) over 1 MiB names the limit and the method to use', async () => {
    const long = file(line('big-rec', { ref: `"${'a'.repeat(1_100_000)}` }));
    const r = await upload('admin', long, 'mode=skip-invalid&source=bigrec');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/line 2 on: a record \(one row\) is longer than 1048576 bytes, the limit per record .*quote/);
    const put = await app.request('/api/calls/import?source=bigrec', {
      method: 'PUT',
      headers: { ...h.admin, 'content-type': 'text/csv' },
      body: long
    });
    expect(put.status).toBe(413);
    expect(((await put.json()) as any).error.message).toMatch(
      /larger than 1048576 bytes: the limit for one whole PUT request to \/api\/calls\/import; \/api\/calls\/import takes POST, which streams files of any size \(curl -T sends PUT/
    );
  });
});
