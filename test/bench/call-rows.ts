/**
 * The generated call rows of the import benchmarks (import.bench.ts on a file, scale-out.bench.ts on a libSQL
 * server): row i is deterministic, so the same values go into the CSV the product imports and into the raw
 * batched insert it is compared with; `fingerprint` proves both stored the same rows.
 */
import { createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Client, InValue } from '@libsql/client';
import type { FixtureOrg } from '@attentive/db/fixtures';
import { CALL_IMPORT_COLUMNS } from '@attentive/db/schema/calls';

const BATCH = 1000;
const TX_ROWS = 10_000;
const HEADER =
  'source,external_id,program_code,queue_code,agent_code,direction,started_at,answer_seconds,talk_seconds,hold_seconds,transfers,disposition,customer_ref,recording,language';
const START = Date.parse('2026-08-01T00:00:00Z');
const AGENTS = [
  { code: 'A1', program: 'EN-CARE', queue: 'billing' },
  { code: 'A2', program: 'EN-CARE', queue: 'billing' },
  { code: 'B1', program: 'TW-SUPPORT', queue: 'tech' },
  { code: 'B2', program: 'TW-SUPPORT', queue: 'tech' }
];

/** Row i, deterministic: the same values go into the CSV file and into the raw insert. */
export function rowValues(i: number) {
  const a = AGENTS[i % 4]!;
  return {
    externalId: `bench-${i}`,
    agent: a,
    direction: i % 7 === 0 ? 'outbound' : 'inbound',
    startedAt: START + i * 7_000,
    answer: (i * 13) % 90,
    talk: 60 + ((i * 7919) % 900),
    hold: (i * 31) % 45,
    transfers: i % 11 === 0 ? 1 : 0,
    disposition: i % 5 === 0 ? 'callback' : 'resolved',
    customerRef: `c-${((i * 2654435761) >>> 0).toString(16)}`,
    recording: i % 50 === 0 ? `2026/08/${i}.mp3` : '',
    language: i % 6 === 0 ? 'en' : 'nl'
  };
}

export async function writeCsv(path: string, N: number) {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(HEADER + '\n');
  let buf = '';
  for (let i = 0; i < N; i++) {
    const v = rowValues(i);
    buf += `bench,${v.externalId},${v.agent.program},${v.agent.queue},${v.agent.code},${v.direction},${new Date(v.startedAt).toISOString()},${v.answer},${v.talk},${v.hold},${v.transfers},${v.disposition},${v.customerRef},${v.recording},${v.language}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

/**
 * The baseline: typed rows straight into INSERTs, 1,000 rows a statement, 10,000 a transaction. Only the database
 * calls are timed. `packing`: one placeholder per value (multi-row VALUES), or the batch as one JSON array
 * parameter unpacked by json_each (on a libSQL server far cheaper than 16,000 placeholders, each sent typed).
 */
export async function rawInsert(org: FixtureOrg, client: Client, N: number, packing: 'placeholders' | 'json' = 'placeholders') {
  const ids: Record<string, { agent: number; program: number; queue: number }> = {
    A1: { agent: org.agents.a1.id, program: org.programs.a.id, queue: org.queues.a.id },
    A2: { agent: org.agents.a2.id, program: org.programs.a.id, queue: org.queues.a.id },
    B1: { agent: org.agents.b1.id, program: org.programs.b.id, queue: org.queues.b.id },
    B2: { agent: org.agents.b2.id, program: org.programs.b.id, queue: org.queues.b.id }
  };
  const sqlFor = (n: number) =>
    `INSERT INTO calls (${CALL_IMPORT_COLUMNS.join(',')}) VALUES ${Array.from({ length: n }, () => `(${CALL_IMPORT_COLUMNS.map(() => '?').join(',')})`).join(',')}`;
  const full = sqlFor(BATCH);
  const jsonSql = `INSERT INTO calls (${CALL_IMPORT_COLUMNS.join(',')}) SELECT ${CALL_IMPORT_COLUMNS.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`;
  let dbMs = 0;
  let cpuUs = 0;
  let tx = await client.transaction('write');
  for (let i = 0; i < N; i += BATCH) {
    const n = Math.min(BATCH, N - i);
    const args: InValue[] = [];
    for (let j = i; j < i + n; j++) {
      const v = rowValues(j);
      const id = ids[v.agent.code]!;
      args.push(
        org.tenantId,
        'bench',
        v.externalId,
        id.program,
        id.queue,
        id.agent,
        v.direction,
        v.startedAt,
        v.answer,
        v.talk,
        v.hold,
        v.transfers,
        v.disposition,
        v.customerRef,
        v.recording || null,
        v.language
      );
    }
    const stmt =
      packing === 'json'
        ? {
            sql: jsonSql,
            args: [
              JSON.stringify(
                Array.from({ length: n }, (_, r) => args.slice(r * CALL_IMPORT_COLUMNS.length, (r + 1) * CALL_IMPORT_COLUMNS.length))
              )
            ]
          }
        : { sql: n === BATCH ? full : sqlFor(n), args };
    const t = performance.now();
    const c0 = process.cpuUsage();
    await tx.execute(stmt);
    if ((i + n) % TX_ROWS === 0 || i + n >= N) {
      await tx.commit();
      if (i + n < N) tx = await client.transaction('write');
    }
    dbMs += performance.now() - t;
    const c = process.cpuUsage(c0);
    cpuUs += c.user + c.system;
  }
  tx.close();
  return { wallMs: dbMs, cpuMs: cpuUs / 1000 };
}

/**
 * The file as a pull-based request body, 64 KiB at a time, as an HTTP server hands an upload to the app.
 * (Node 20's Readable.toWeb ignores backpressure and would queue the whole file.)
 */
export function fileBody(path: string): ReadableStream<Uint8Array> {
  let fh: FileHandle | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(c) {
      fh ??= await open(path);
      const buf = new Uint8Array(64 * 1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) {
        await fh.close();
        c.close();
      } else c.enqueue(buf.subarray(0, bytesRead));
    },
    async cancel() {
      await fh?.close();
    }
  });
}

export const fingerprint = async (client: Client, tenantId: number) =>
  JSON.stringify(
    (
      await client.execute({
        sql: "SELECT count(*), sum(talk_seconds), sum(answer_seconds), sum(hold_seconds), sum(transfers), sum(started_at % 1000003), count(recording_path), sum(direction = 'outbound'), count(DISTINCT customer_ref) FROM calls WHERE tenant_id = ? AND source = 'bench'",
        args: [tenantId]
      })
    ).rows[0]
  );
