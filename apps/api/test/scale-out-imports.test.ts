import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createDb, migrate, schema, type Db } from '@attentive/db';
import { startSqld, type Sqld } from '@attentive/db/sqld';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { startAppProcess, requestable, type AppProcess } from './support/app-process.ts';
import { signInAs } from './support/auth.ts';

/**
 * Imports across two API processes on one libSQL server (issue 16): progress of an import running on A is
 * visible on B, an import on A killed midway is recognised as interrupted by B (with its committed rows), and
 * writes on B go on while A imports. Starts its own sqld, so it runs in the `sqld` project only (in the `file`
 * project it would start the same server a second time and prove nothing more).
 */
const STALE_SECONDS = 4;

const HEADER =
  'source,external_id,program_code,queue_code,agent_code,direction,started_at,answer_seconds,talk_seconds,hold_seconds,transfers,disposition,customer_ref,recording,language';
const line = (id: string) => `,${id},EN-CARE,billing,A1,inbound,2026-11-05T08:30:00Z,7,240,0,0,resolved,c-${id},,nl`;

/** A CSV upload that trickles in: `chunks` pieces of `rows` rows, one every `everyMs`, as from a slow client. */
function slowCsv(prefix: string, chunks: number, rows: number, everyMs: number) {
  let i = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(enc.encode(HEADER + '\n'));
    },
    pull(c) {
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if (i >= chunks) {
            c.close();
            return resolve();
          }
          const lines: string[] = [];
          for (let r = 0; r < rows; r++) lines.push(line(`${prefix}-${i * rows + r}`));
          c.enqueue(enc.encode(lines.join('\n') + '\n'));
          i++;
          resolve();
        }, everyMs);
      });
    },
    cancel() {
      clearTimeout(timer);
    }
  });
  return stream;
}

let sqld: Sqld;
let db: Db;
let org: FixtureOrg;
let a: AppProcess;
let b: AppProcess;
let headers: Record<string, string>;

const onSqld = process.env.ATTENTIVE_TEST_DB === 'sqld';

beforeAll(async () => {
  if (!onSqld) return;
  sqld = await startSqld();
  const url = sqld.url.replace(/^http/, 'ws');
  db = await createDb({ url });
  await migrate(db);
  org = await createFixtureOrg(db, { callsPerAgent: 0 });
  const env = { IMPORT_STALE_SECONDS: String(STALE_SECONDS) };
  [a, b] = await Promise.all([startAppProcess(url, env), startAppProcess(url, env)]);
  headers = (await signInAs(requestable(a), db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] })).headers;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  db?.$client.close();
  await sqld?.stop();
});

const upload = (p: AppProcess, body: ReadableStream<Uint8Array>, query: string) =>
  p.request(`/api/calls/import?${query}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body,
    duplex: 'half'
  } as RequestInit);

async function importOn(p: AppProcess, id: string) {
  const res = await p.request(`/api/imports/${id}`, { headers });
  return res.status === 200
    ? ((await res.json()) as { status: string; rows: number; inserted: number; bytesRead: number | null; message: string | null })
    : null;
}

const countSource = async (source: string) =>
  Number(
    (await db.$client.execute({ sql: 'SELECT count(*) FROM calls WHERE tenant_id = ? AND source = ?', args: [org.tenantId, source] }))
      .rows[0]![0]
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(onSqld)('imports across two API processes on one libSQL server', () => {
  it('progress of an import on A moves on B (all-or-nothing: checked, then written)', async () => {
    const id = randomUUID();
    // 40 pieces of 1,000 rows, one every 100 ms: about 4 s of upload, checked first, then written (all-or-nothing).
    const done = upload(a, slowCsv('slow', 40, 1000, 100), `mode=all-or-nothing&source=slow&importId=${id}`);
    const seen: number[] = [];
    for (let k = 0; k < 200; k++) {
      const v = await importOn(b, id);
      if (v?.status === 'running') {
        if (seen.at(-1) !== v.rows) seen.push(v.rows);
      } else if (v && v.status !== 'running') break;
      await sleep(250);
    }
    const res = await done;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'completed', rows: 40_000, inserted: 40_000, invalid: 0 });
    // B saw the count move while A was still running it: at least three different non-zero values.
    expect(seen.filter((n) => n > 0).length, `rows seen on B: ${seen.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(await importOn(b, id)).toMatchObject({ status: 'completed', rows: 40_000, inserted: 40_000 });
    expect(await countSource('slow')).toBe(40_000);
  }, 60_000);

  it('B writes (a webhook, a batch import) while A imports; A killed midway: B reports its import interrupted within the stale limit, with the rows it committed', async () => {
    const id = randomUUID();
    // 100 pieces of 500 rows, one every 100 ms: A commits a chunk about every second (skip-invalid).
    const done = upload(a, slowCsv('killed', 100, 500, 100), `mode=skip-invalid&source=killed&importId=${id}`).catch((e: Error) => e);
    let before: Awaited<ReturnType<typeof importOn>> = null;
    for (let k = 0; k < 100 && !(before && before.inserted >= 2000); k++) {
      await sleep(200);
      before = await importOn(b, id);
    }
    expect(before, `B sees committed rows of the running import; A said: ${a.output()}`).toMatchObject({ status: 'running' });
    expect(before!.inserted).toBeGreaterThanOrEqual(2000);

    // A is writing chunk after chunk now. A write on B answers at once (A's transactions are short).
    const t0 = performance.now();
    const hook = await b.request('/api/calls/webhook?source=hook', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        external_id: 'h1',
        program_code: 'EN-CARE',
        queue_code: 'billing',
        agent_code: 'A2',
        direction: 'inbound',
        started_at: '2026-11-06T09:00:00Z',
        talk_seconds: 60
      })
    });
    expect(hook.status).toBe(201);
    // Well before A's upload ends (10 s), and below the 5 s a writer would wait behind one long transaction.
    const hookMs = performance.now() - t0;
    expect(hookMs, `webhook on B took ${Math.round(hookMs)} ms`).toBeLessThan(4000);
    // And a whole import on B at the same time as A's.
    const records = Array.from({ length: 2000 }, (_, i) => ({
      external_id: `bb-${i}`,
      program_code: 'EN-CARE',
      queue_code: 'billing',
      agent_code: 'A1',
      direction: 'inbound',
      started_at: '2026-11-06T09:00:00Z',
      talk_seconds: 30
    }));
    const batch = await b.request('/api/calls/batch?mode=all-or-nothing&source=batch-b', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(records)
    });
    expect(batch.status).toBe(200);
    expect(await batch.json()).toMatchObject({ rows: 2000, inserted: 2000 });
    expect(await countSource('hook')).toBe(1);
    expect(await countSource('batch-b')).toBe(2000);
    const still = await importOn(b, id);
    expect(still?.status, `A was still importing: ${JSON.stringify(still)}; A said: ${a.output()}`).toBe('running');

    await a.kill();
    const killedAt = Date.now();
    expect(await done).toBeInstanceOf(Error); // the upload's connection died with A

    let after = await importOn(b, id);
    while (after?.status === 'running' && Date.now() - killedAt < 3 * STALE_SECONDS * 1000) {
      await sleep(250);
      after = await importOn(b, id);
    }
    const tookMs = Date.now() - killedAt;
    expect(after, `B's answer ${tookMs} ms after the kill; B said: ${b.output()}`).toMatchObject({ status: 'failed' });
    // The stale limit, plus a sweep period (a third of it), plus slack for a loaded machine.
    expect(tookMs).toBeLessThan(STALE_SECONDS * 1000 * 2);
    const stored = await countSource('killed');
    expect(stored).toBeGreaterThanOrEqual(before!.inserted);
    expect(stored).toBeLessThan(50_000);
    expect(after!.inserted).toBe(stored); // exactly the committed rows, none of the chunk that was open
    expect(after!.message).toMatch(
      new RegExp(
        `^Interrupted: the server stopped before this import finished\\. ${stored} rows were committed before the stop and stay stored`
      )
    );
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, id), eq(schema.auditLog.action, 'calls.import')));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ status: 'failed', reason: 'interrupted', committedRows: stored });
    expect(b.output()).toMatch(new RegExp(`import ${id} stopped sending heartbeats`));
    // 120 s: two servers, two uploads and a kill on a machine running the whole suite; the timings that matter are asserted above.
  }, 120_000);
});
