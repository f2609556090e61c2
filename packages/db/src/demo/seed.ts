import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transaction } from '@libsql/client';
import { isEmbedded, type Db } from '../client.ts';
import { insertRows } from './bulk.ts';
import { CALL_COLUMNS, generateCalls } from './calls.ts';
import { buildRoster, type Roster } from './roster.ts';
import { seedDemoScorecards } from './scorecards.ts';
import { seedDemoCoaching } from './coaching.ts';
import { seedDemoMystery } from './mystery.ts';
import { seedDemoSurveys } from './surveys.ts';
import { seedDemoCalibration } from './calibration.ts';
import { seedDemoContracts } from './contracts.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedDemoSampling } from './sampling.ts';
import { DEFAULT_SEED, SHOWCASES, showcaseAgent, showcaseTranscript, showcaseWindow } from './showcase.ts';

export { DEFAULT_SEED } from './showcase.ts';

/** The committed demo recordings (rendered by `pnpm --filter @attentive/db demo:audio`). */
export const demoRecordingsSource = fileURLToPath(new URL('../../demo-recordings', import.meta.url));

export type SeedOptions = {
  /** Where the demo recordings are copied; without it no call gets audio. */
  recordingsDir?: string;
  seed?: string;
  /** Reference date; default today 00:00 UTC, so the demo calls are always recent. */
  now?: Date;
  calls?: number;
  agents?: number;
  days?: number;
  transcripts?: number;
  /** Drop the calls indexes during the load and build them afterwards (large generated databases). */
  bulkLoad?: boolean;
  onProgress?: (callsDone: number, callsTotal: number) => void;
  /** The server's CONTACT_DATA_KEY: the demo customers' contact details are sealed with it (none: no survey demo). */
  contactKey?: string;
};

export type SeedResult = { tenantId: number; calls: number; agents: number; transcripts: number; recordings: number; summary: string };

const DAY_MS = 86_400_000;
export const startOfUtcDay = (d = new Date()) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** Seeds the demo contact center into an empty database. Returns null when data already exists. */
export async function seedDemoIfEmpty(db: Db, opts: SeedOptions): Promise<{ summary: string } | null> {
  const existing = await db.$client.execute('SELECT count(*) AS n FROM tenants');
  if (Number(existing.rows[0]!.n) > 0) return null;
  const result = await seedDemo(db, opts);

  // ── Area seeders ───────────────────────────────────────────────────────────────────────────────
  // Each area adds ONE line here to seed its own demo data after the base data (committed above):
  //   await seedSomething(db, result.tenantId);
  await seedDemoScorecards(db, result.tenantId, opts.now ?? startOfUtcDay());
  await seedDemoAccounts(db, result.tenantId);
  await seedDemoSampling(db, result.tenantId, opts.now ?? startOfUtcDay());
  await seedDemoCoaching(db, result.tenantId, opts.now ?? startOfUtcDay());
  await seedDemoMystery(db, result.tenantId, opts.now ?? startOfUtcDay());
  await seedDemoSurveys(db, result.tenantId, opts.now ?? startOfUtcDay(), opts.contactKey);
  await seedDemoCalibration(db, result.tenantId, opts.now ?? startOfUtcDay());
  await seedDemoContracts(db, result.tenantId, opts.now ?? startOfUtcDay());
  // ───────────────────────────────────────────────────────────────────────────────────────────────

  return { summary: result.summary };
}

/**
 * Writes the whole demo contact center in one transaction: organisation, calls, transcripts, the
 * recorded showcase calls. Raw multi-row INSERTs: the ORM would double the time on 1M calls.
 */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const now = opts.now ?? startOfUtcDay();
  const nowMs = now.getTime();
  const callsTotal = opts.calls ?? 60_000;
  const roster = buildRoster({ seed, agents: opts.agents ?? 90 });

  const tx = await db.$client.transaction('write');
  try {
    // A bigger page cache for the bulk insert: a file-only tuning (a libSQL server refuses PRAGMAs).
    if (isEmbedded(db)) await tx.execute('PRAGMA cache_size = -65536');
    const ids = await insertOrganisation(tx, roster, nowMs);
    const first = await tx.execute('SELECT coalesce(max(id), 0) + 1 AS id FROM calls');
    const dropped = opts.bulkLoad ? await dropCallIndexes(tx) : [];
    let done = 0;
    let transcripts = 0;
    for (const day of generateCalls({
      seed,
      now,
      days: opts.days ?? 90,
      calls: callsTotal,
      transcripts: opts.transcripts ?? Math.min(2000, Math.round(callsTotal * 0.005)),
      roster,
      firstId: Number(first.rows[0]!.id),
      ids
    })) {
      await insertRows(tx, 'calls', CALL_COLUMNS, day.calls);
      await insertRows(tx, 'call_transcripts', ['call_id', 'language', 'turns'], day.transcripts, 50);
      done += day.calls.length;
      transcripts += day.transcripts.length;
      opts.onProgress?.(done, callsTotal);
    }
    for (const sql of dropped) await tx.execute(sql);
    const recordings = await attachShowcases(tx, roster, ids, now, opts.recordingsDir);
    await tx.commit();
    const summary = `${roster.clients.length} clients, ${roster.programs.length} programs, ${roster.teams.length} teams, ${roster.agents.length} agents, ${done} calls (${transcripts} with transcripts, ${recordings} with audio)`;
    return { tenantId: ids.tenantId, calls: done, agents: roster.agents.length, transcripts, recordings, summary };
  } finally {
    tx.close();
  }
}

async function insertOrganisation(tx: Transaction, roster: Roster, nowMs: number) {
  const one = async (sql: string, args: (string | number | null)[]) =>
    Number((await tx.execute({ sql: `${sql} RETURNING id`, args })).rows[0]!.id);
  const dateOf = (daysAgo: number) => new Date(nowMs - daysAgo * DAY_MS).toISOString().slice(0, 10);
  // The demo contact center is Dutch: its screens default to Dutch (a new tenant's default is English).
  const tenantId = await one("INSERT INTO tenants (slug, name, default_language, created_at) VALUES (?, ?, 'nl', ?)", [
    roster.tenant.slug,
    roster.tenant.name,
    nowMs
  ]);
  // Clients and teams are a code and a name in the tenant; the rows below find their ids by code.
  const insertCoded = async (table: 'clients' | 'teams', rows: readonly { code: string; name: string }[]) => {
    const ids = new Map<string, number>();
    for (const r of rows)
      ids.set(
        r.code,
        await one(`INSERT INTO ${table} (tenant_id, code, name, created_at) VALUES (?, ?, ?, ?)`, [tenantId, r.code, r.name, nowMs])
      );
    return ids;
  };
  const clients = await insertCoded('clients', roster.clients);
  const programs = new Map<string, number>();
  const queues = new Map<string, number>();
  for (const p of roster.programs) {
    const id = await one('INSERT INTO programs (tenant_id, client_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)', [
      tenantId,
      clients.get(p.clientCode)!,
      p.code,
      p.name,
      nowMs
    ]);
    programs.set(p.code, id);
    for (const q of p.queues)
      queues.set(
        `${p.code}/${q.code}`,
        await one('INSERT INTO queues (tenant_id, program_id, code, name) VALUES (?, ?, ?, ?)', [tenantId, id, q.code, q.name])
      );
  }
  const teams = await insertCoded('teams', roster.teams);
  const agents = new Map<string, number>();
  const people = 'INSERT INTO people (tenant_id, code, name, team_id, hire_date, left_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
  for (const a of roster.agents) {
    agents.set(
      a.code,
      await one(people, [
        tenantId,
        a.code,
        a.name,
        teams.get(a.teamCode)!,
        dateOf(a.hiredDaysAgo),
        a.leftDaysAgo == null ? null : dateOf(a.leftDaysAgo),
        nowMs
      ])
    );
  }
  for (const [i, s] of roster.staff.entries()) await one(people, [tenantId, s.code, s.name, null, dateOf(400 + 97 * i), null, nowMs]);
  return { tenantId, clients, programs, queues, teams, agents };
}

/** Secondary indexes of `calls`, dropped for a bulk load; returns the statements that rebuild them. */
async function dropCallIndexes(tx: Transaction): Promise<string[]> {
  const rs = await tx.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls' AND sql IS NOT NULL");
  const rebuild: string[] = [];
  for (const r of rs.rows) {
    await tx.execute(`DROP INDEX "${String(r.name)}"`);
    rebuild.push(String(r.sql));
  }
  return rebuild;
}

/** Gives a handful of recent calls the showcase transcripts and their committed audio. */
async function attachShowcases(
  tx: Transaction,
  roster: Roster,
  ids: Awaited<ReturnType<typeof insertOrganisation>>,
  now: Date,
  recordingsDir?: string
) {
  let attached = 0;
  // Last week's call when there is one (the demo plans sample last week), else a recent one.
  const window = showcaseWindow(now);
  for (const s of SHOWCASES) {
    const agent = showcaseAgent(roster, s);
    const found = await tx.execute({
      sql: `SELECT id FROM calls WHERE agent_id = ? AND program_id = ? AND queue_id = ? AND direction = 'inbound' AND talk_seconds >= 30
            ORDER BY (started_at >= ? AND started_at < ?) DESC, started_at DESC LIMIT 1`,
      args: [ids.agents.get(agent.code)!, ids.programs.get(s.program)!, ids.queues.get(`${s.program}/${s.queue}`)!, window.from, window.to]
    });
    const callId = found.rows[0]?.id;
    if (callId == null) continue;
    const turns = showcaseTranscript(roster, s);
    const source = join(demoRecordingsSource, s.file);
    let recordingPath: string | null = null;
    if (recordingsDir && existsSync(source)) {
      mkdirSync(join(recordingsDir, 'demo'), { recursive: true });
      copyFileSync(source, join(recordingsDir, 'demo', s.file));
      recordingPath = `demo/${s.file}`;
      attached++;
    }
    await tx.execute({
      sql: 'UPDATE calls SET talk_seconds = ?, language = ?, recording_path = ? WHERE id = ?',
      args: [Math.ceil(turns[turns.length - 1]!.end), s.language, recordingPath, callId]
    });
    await tx.execute({
      sql: 'INSERT INTO call_transcripts (call_id, language, turns) VALUES (?, ?, ?) ON CONFLICT (call_id) DO UPDATE SET language = excluded.language, turns = excluded.turns',
      args: [callId, s.language, JSON.stringify(turns)]
    });
  }
  return attached;
}
