import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Transaction, TransactionMode } from '@libsql/client';
import { createDb, migrate, schema, type Db } from '@attentive/db';
import { startSqld, type Sqld } from '@attentive/db/sqld';
import { testDatabaseKind } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';
import { DATABASE_UNREACHABLE_MESSAGE } from '../src/errors.ts';
import { signInAs } from './support/auth.ts';
import { requestable, startAppProcess } from './support/app-process.ts';

/**
 * The libSQL server dies and comes back (issue 16): requests answer 503 "try again" with Retry-After, never
 * 500; a transaction that was in flight is stored wholly or not at all; the same app answers again once the
 * server is back, without a restart. Its own sqld (killed and restarted here), so only in the sqld project.
 */
describe.skipIf(testDatabaseKind() !== 'sqld')('database outage (libSQL server killed and restarted)', () => {
  let sqld: Sqld;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let org: FixtureOrg;
  let admin: Record<string, string>;

  beforeAll(async () => {
    sqld = await startSqld();
    db = await createDb({ url: sqld.url.replace('http:', 'ws:') });
    await migrate(db);
    app = createApp({ db, env: loadEnv({ NODE_ENV: 'test' }) });
    org = await createFixtureOrg(db);
    admin = (await signInAs(app, db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] })).headers;
  });
  afterAll(async () => {
    db?.$client.close();
    await sqld?.stop();
  });

  /** A program's mystery-call form: one per program, so each case uses its own program. */
  const createScorecard = (name: string, program: 'a' | 'b' = 'b') =>
    app.request('/api/scorecards', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name, purpose: 'mystery', programId: org.programs[program].id })
    });

  async function expectUnavailable(res: Response) {
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await res.json()).error).toMatchObject({ code: 'UNAVAILABLE', message: DATABASE_UNREACHABLE_MESSAGE });
  }

  /** What a scorecard create left behind: its row, its draft version and its audit entry. */
  async function storedScorecard(name: string) {
    const cards = await db.select().from(schema.scorecards).where(eq(schema.scorecards.name, name));
    const versions = cards.length
      ? await db.select().from(schema.scorecardVersions).where(eq(schema.scorecardVersions.scorecardId, cards[0]!.id))
      : [];
    const audit = cards.length
      ? await db
          .select()
          .from(schema.auditLog)
          .where(eq(schema.auditLog.objectId, String(cards[0]!.id)))
      : [];
    return { cards: cards.length, versions: versions.length, audit: audit.filter((a) => a.action === 'scorecard.create').length };
  }

  /**
   * Runs `request` with the server killed inside its next write transaction: after the statement matching
   * `afterStatement` has run, or just before COMMIT when it is null.
   */
  async function killDuring(afterStatement: RegExp | null, request: () => Response | Promise<Response>) {
    const client = db.$client;
    const transaction = client.transaction;
    client.transaction = (async (mode?: TransactionMode) => {
      client.transaction = transaction; // once
      const tx: Transaction = await transaction(mode);
      if (afterStatement) {
        const execute = tx.execute.bind(tx);
        tx.execute = (async (stmt: Parameters<Transaction['execute']>[0]) => {
          const r = await execute(stmt);
          if (afterStatement.test(typeof stmt === 'string' ? stmt : stmt.sql)) await sqld.kill();
          return r;
        }) as Transaction['execute'];
      } else {
        const commit = tx.commit.bind(tx);
        tx.commit = async () => {
          await sqld.kill();
          return commit();
        };
      }
      return tx;
    }) as typeof transaction;
    try {
      return await request();
    } finally {
      client.transaction = transaction;
    }
  }

  it('answers reads and writes with 503 and Retry-After while the server is down, health says unreachable; 200 again once it is back', async () => {
    expect((await app.request('/api/calls?limit=5', { headers: admin })).status).toBe(200);
    await sqld.kill();
    await expectUnavailable(await app.request('/api/calls?limit=5', { headers: admin }));
    await expectUnavailable(await app.request('/api/me', { headers: admin }));
    await expectUnavailable(await createScorecard('During the outage'));
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'degraded', db: 'unreachable' });

    await sqld.restart();
    expect(await (await app.request('/api/health')).json()).toMatchObject({ status: 'ok', db: 'ok' });
    expect((await app.request('/api/calls?limit=5', { headers: admin })).status).toBe(200);
    expect((await app.request('/api/me', { headers: admin })).status).toBe(200);
    expect(await storedScorecard('During the outage')).toEqual({ cards: 0, versions: 0, audit: 0 });
  });

  it('a write whose server dies mid-transaction (after its first insert) is not stored at all, and succeeds when retried', async () => {
    await expectUnavailable(await killDuring(/^insert into "scorecards"/i, () => createScorecard('Mid-transaction')));
    await sqld.restart();
    expect(await storedScorecard('Mid-transaction')).toEqual({ cards: 0, versions: 0, audit: 0 });
    expect((await createScorecard('Mid-transaction')).status).toBe(201);
    expect(await storedScorecard('Mid-transaction')).toEqual({ cards: 1, versions: 1, audit: 1 });
  });

  it('a write whose server dies at COMMIT is not stored at all', async () => {
    await expectUnavailable(await killDuring(null, () => createScorecard('At commit', 'a')));
    await sqld.restart();
    expect(await storedScorecard('At commit')).toEqual({ cards: 0, versions: 0, audit: 0 });
    expect((await createScorecard('At commit', 'a')).status).toBe(201);
  });

  it('a real API process answers 503 while the server is down and 200 once it is back, without a restart', async () => {
    const p = await startAppProcess(sqld.url.replace('http:', 'ws:'));
    try {
      const lead = await signInAs(requestable(p), db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
      expect((await p.request('/api/calls?limit=5', { headers: lead.headers })).status).toBe(200);
      await sqld.kill();
      await expectUnavailable(await p.request('/api/calls?limit=5', { headers: lead.headers }));
      expect(await (await p.request('/api/health')).json()).toMatchObject({ db: 'unreachable' });
      await sqld.restart();
      expect((await p.request('/api/calls?limit=5', { headers: lead.headers })).status).toBe(200);
      expect(p.output()).not.toMatch(/unhandled error/);
    } finally {
      await p.stop();
    }
  }, 30_000);
});
