import { describe, expect, it, vi } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createTestDb } from '@attentive/db/testing';
import { safeErrorSummary } from '../src/errors.ts';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';

describe('logs carry no customer data or secrets', () => {
  it('withholds query parameters of a failed query', () => {
    const err = new DrizzleQueryError(
      'insert into calls (customer_ref) values (?)',
      ['cust-0612345678'],
      new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: calls.external_id')
    );
    const line = safeErrorSummary(err);
    expect(line).toContain('UNIQUE constraint failed');
    expect(line).toContain('params: (withheld)');
    expect(line).not.toContain('0612345678');
  });

  it('logs one line per request with the request id, never the query string or the token', async () => {
    const t = await createTestDb();
    try {
      const app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'development', LOG_LEVEL: 'info' }) });
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const res = await app.request('/api/health?customer=Jan%20Jansen', { headers: { authorization: 'Bearer att_secret-token-value' } });
      const lines = log.mock.calls.map((c) => c.join(' '));
      log.mockRestore();
      expect(res.status).toBe(401);
      const id = res.headers.get('x-request-id')!;
      expect((await res.json()).error.requestId).toBe(id);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`[${id}] GET /api/health 401`);
      expect(lines.join()).not.toMatch(/Jansen|secret-token/);
    } finally {
      t.cleanup();
    }
  });

  it("never writes a survey link's token (it is the respondent's key)", async () => {
    const t = await createTestDb();
    try {
      const app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'development', LOG_LEVEL: 'info' }) });
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      await app.request('/api/public/surveys/tok3n-ABCdef_0123456789abcdefghijklmnop');
      const lines = log.mock.calls.map((c) => c.join(' '));
      log.mockRestore();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('GET /api/public/surveys/:token ');
      expect(lines.join()).not.toContain('tok3n');
    } finally {
      t.cleanup();
    }
  });
});
