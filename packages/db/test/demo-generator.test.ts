import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../src/testing.ts';
import { buildRoster } from '../src/demo/roster.ts';
import { generateCalls, apportion, amsterdamOffsetHours } from '../src/demo/calls.ts';
import { createRng } from '../src/demo/prng.ts';
import { seedDemo, seedDemoIfEmpty, demoRecordingsSource } from '../src/demo/seed.ts';
import { SHOWCASES } from '../src/demo/showcase.ts';

const NOW = new Date('2026-11-23T00:00:00Z');
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function idsFor(roster: ReturnType<typeof buildRoster>) {
  const programs = new Map(roster.programs.map((p, i) => [p.code, i + 1]));
  const queues = new Map<string, number>();
  roster.programs.forEach((p) => p.queues.forEach((q) => queues.set(`${p.code}/${q.code}`, queues.size + 1)));
  return { tenantId: 1, programs, queues, agents: new Map(roster.agents.map((a, i) => [a.code, i + 1])) };
}
function generate(seed: string, calls = 3000, now = NOW) {
  const roster = buildRoster({ seed });
  return [...generateCalls({ seed, now, days: 90, calls, transcripts: 40, roster, firstId: 1, ids: idsFor(roster) })];
}
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('seeded random source', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const a = createRng('s');
    const b = createRng('s');
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => createRng('t').next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('draws log-normal values around the median', () => {
    const r = createRng('ln');
    const v = Array.from({ length: 20000 }, () => r.logNormal(300, 0.5)).sort((a, b) => a - b);
    expect(v[10000]!).toBeGreaterThan(285);
    expect(v[10000]!).toBeLessThan(315);
  });
});

describe('roster', () => {
  const r = buildRoster({ seed: 'attentive-demo' });
  it('has the demo organisation with its codes', () => {
    expect(r.tenant.slug).toBe('demo');
    expect(r.clients.map((c) => c.code)).toEqual(['ENERGY', 'TELCO', 'INSURE']);
    expect(r.programs).toHaveLength(6);
    for (const c of r.clients) expect(r.programs.filter((p) => p.clientCode === c.code)).toHaveLength(2);
    expect(r.programs.every((p) => p.queues.length >= 1)).toBe(true);
    expect(r.teams.map((t) => t.code)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08']);
    expect(r.agents.map((a) => a.code)).toEqual(Array.from({ length: 90 }, (_, i) => `AG${String(i + 1).padStart(3, '0')}`));
    expect(r.staff.map((s) => s.code)).toEqual([
      'ADM01',
      'QA01',
      'TL01',
      'TL02',
      'TL03',
      'TL04',
      'TL05',
      'TL06',
      'TL07',
      'TL08',
      'CA-ENERGY',
      'CA-TELCO',
      'CA-INSURE',
      'MS01',
      'SC01'
    ]);
    expect(new Set([...r.agents, ...r.staff].map((p) => p.name)).size).toBe(105);
  });
  it('has a high-turnover tenure mix and every behaviour profile', () => {
    const underYear = r.agents.filter((a) => a.hiredDaysAgo < 365).length;
    expect(underYear / r.agents.length).toBeGreaterThan(0.4);
    expect(r.agents.some((a) => a.hiredDaysAgo > 3 * 365)).toBe(true);
    expect(new Set(r.agents.map((a) => a.profile))).toEqual(new Set(['friendly_scripted', 'oriented', 'both', 'neither']));
    for (const t of r.teams) expect(r.agents.filter((a) => a.teamCode === t.code).length).toBeGreaterThanOrEqual(10);
  });
  it('scales to large rosters with unique codes', () => {
    const big = buildRoster({ seed: 'x', agents: 1000 });
    expect(new Set(big.agents.map((a) => a.code)).size).toBe(1000);
    expect(big.teams.length).toBeGreaterThan(80);
  });
});

describe('call generator', () => {
  it('gives identical rows for the same seed and now, different rows for another seed', () => {
    const a = generate('alpha');
    expect(digest(generate('alpha'))).toBe(digest(a));
    expect(digest(generate('beta'))).not.toBe(digest(a));
    expect(digest(generate('alpha', 3000, new Date('2026-11-24T00:00:00Z')))).not.toBe(digest(a));
  });

  it('yields exactly the requested number of calls, in time order, within the 90 days', () => {
    const days = generate('alpha');
    const rows = days.flatMap((d) => d.calls);
    expect(rows).toHaveLength(3000);
    const times = rows.map((r) => r[8] as number);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 91 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));
    const transcripts = days.flatMap((d) => d.transcripts);
    expect(transcripts.length).toBeGreaterThan(15);
    expect(transcripts.length).toBeLessThan(100);
    expect(new Set(transcripts.map((t) => t[1]))).toEqual(new Set(['nl', 'en']));
    // Pseudonymous customer references only: never something that looks like a phone number.
    expect(rows.every((r) => /^K[0-9a-f]{8}$/.test(String(r[14])))).toBe(true);
  });

  it('has busier weekdays than weekends and log-normal talk times', () => {
    const rows = generate('alpha', 20000).flatMap((d) => d.calls);
    const byDay = Array(7).fill(0);
    rows.forEach((r) => byDay[new Date((r[8] as number) + 3_600_000).getUTCDay()]++);
    expect(byDay[1]).toBeGreaterThan(byDay[6] * 2);
    expect(byDay[6]).toBeGreaterThan(byDay[0]);
    const talk = rows.map((r) => r[10] as number).sort((a, b) => a - b);
    const median = talk[talk.length >> 1]!;
    const mean = talk.reduce((s, x) => s + x, 0) / talk.length;
    expect(mean).toBeGreaterThan(median); // right-skewed
    expect(median).toBeGreaterThan(180);
    expect(median).toBeLessThan(600);
  });

  it('splits totals exactly and knows Dutch summer time', () => {
    expect(apportion(10, [1, 1, 1]).reduce((a, b) => a + b)).toBe(10);
    expect(amsterdamOffsetHours(Date.UTC(2026, 6, 1))).toBe(2);
    expect(amsterdamOffsetHours(Date.UTC(2026, 10, 23))).toBe(1);
  });
});

describe('seeding the demo contact center', () => {
  async function seeded(seed?: string) {
    const t = await createTestDb();
    const rec = mkdtempSync(join(tmpdir(), 'attentive-rec-'));
    cleanups.push(t.cleanup, () => rmSync(rec, { recursive: true, force: true }));
    const started = performance.now();
    const result = await seedDemoIfEmpty(t.db, { recordingsDir: rec, now: NOW, seed });
    return { t, rec, result, ms: performance.now() - started };
  }
  const dump = async (t: Awaited<ReturnType<typeof createTestDb>>) => {
    const parts = [];
    for (const sql of [
      'SELECT * FROM calls ORDER BY id',
      'SELECT * FROM call_transcripts ORDER BY call_id',
      'SELECT id, code, name, team_id, hire_date, left_date, created_at FROM people ORDER BY id',
      'SELECT * FROM programs ORDER BY id'
    ])
      parts.push((await t.db.$client.execute(sql)).rows.map((r) => Object.values(r)));
    return digest(parts);
  };

  it('seeds 60,000 calls once, quickly, with transcripts and real audio; same seed gives the same database', async () => {
    const a = await seeded();
    expect(a.result?.summary).toMatch(/60000 calls/);
    expect(a.ms).toBeLessThan(30_000);
    const n = async (sql: string) => Number((await a.t.db.$client.execute(sql)).rows[0]![0]);
    expect(await n('SELECT count(*) FROM calls')).toBe(60_000);
    expect(await n("SELECT count(*) FROM tenants WHERE slug = 'demo'")).toBe(1);
    expect(await n("SELECT count(*) FROM people WHERE code LIKE 'AG%'")).toBe(90);
    const transcripts = await n('SELECT count(*) FROM call_transcripts');
    expect(transcripts).toBeGreaterThanOrEqual(200);
    expect(transcripts).toBeLessThanOrEqual(800);
    expect(await n('SELECT count(*) FROM calls WHERE recording_path IS NOT NULL')).toBe(SHOWCASES.length);
    // Every recorded call has a transcript, and its file was copied into the recordings directory.
    expect(
      await n(
        'SELECT count(*) FROM calls c LEFT JOIN call_transcripts t ON t.call_id = c.id WHERE c.recording_path IS NOT NULL AND t.call_id IS NULL'
      )
    ).toBe(0);
    const paths = (await a.t.db.$client.execute('SELECT recording_path FROM calls WHERE recording_path IS NOT NULL')).rows.map((r) =>
      String(r[0])
    );
    for (const p of paths) expect(statSync(join(a.rec, p)).size).toBe(statSync(join(demoRecordingsSource, p.replace(/^demo\//, ''))).size);
    // A second start finds data and changes nothing.
    expect(await seedDemoIfEmpty(a.t.db, { recordingsDir: a.rec, now: NOW })).toBeNull();
    expect(await n('SELECT count(*) FROM calls')).toBe(60_000);

    const b = await seeded();
    expect(await dump(b.t)).toBe(await dump(a.t));
    const c = await seeded('another-seed');
    expect(await dump(c.t)).not.toBe(await dump(a.t));
  }, 120_000);

  it('commits the demo recordings small', () => {
    let total = 0;
    for (const s of SHOWCASES) {
      const f = join(demoRecordingsSource, s.file);
      expect(existsSync(f), s.file).toBe(true);
      total += statSync(f).size;
    }
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('builds a larger database with the size options', async () => {
    const t = await createTestDb();
    cleanups.push(t.cleanup);
    const r = await seedDemo(t.db, { now: NOW, calls: 5000, agents: 200, bulkLoad: true });
    expect(r.agents).toBe(200);
    expect(Number((await t.db.$client.execute('SELECT count(*) FROM calls')).rows[0]![0])).toBe(5000);
    // The bulk load dropped and rebuilt the indexes.
    const idx = (
      await t.db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls' AND sql IS NOT NULL")
    ).rows.map((x) => x[0]);
    expect(idx).toEqual(expect.arrayContaining(['calls_source_external', 'calls_program_time', 'calls_agent_time', 'calls_tenant_time']));
  });
});
