// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { createTestDb } from '@attentive/db/testing';
import { loadEnv } from '../src/env.ts';

/**
 * The OpenAPI document passes a standard linter (Redocly's "recommended-strict" rules: every warning is an
 * error) and carries what a generated SDK needs: an operationId on each operation, security declared.
 */
type Op = { operationId?: string; security?: Record<string, string[]>[]; responses: Record<string, unknown> };
let t: Awaited<ReturnType<typeof createTestDb>>;
let doc: { paths: Record<string, Record<string, Op>>; components: { securitySchemes?: Record<string, unknown> } };

beforeAll(async () => {
  t = await createTestDb();
  const app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  doc = (await (await app.request('/api/openapi.json')).json()) as typeof doc;
});
afterAll(() => t.cleanup());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op }))
  );

describe('OpenAPI document', () => {
  it('has no lint problems (Redocly recommended-strict)', async () => {
    // No licence is declared for the project yet, so the document names none; /api/health has no 4xx
    // answer (the test below checks the 4xx of every other operation).
    const config = await createConfig({
      extends: ['recommended-strict'],
      rules: { 'info-license': 'off', 'operation-4xx-response': 'off' }
    });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  });

  it('names every operation with a unique camelCase operationId', () => {
    const ids = operations().map(({ key, op }) => op.operationId ?? `(none on ${key})`);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('declares the session cookie and bearer tokens, and applies them to every operation but the public ones', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'attentive.session_token' },
      bearerToken: { type: 'http', scheme: 'bearer' }
    });
    const open = operations()
      .filter(({ op }) => op.security?.length === 0)
      .map(({ key }) => key);
    // Health, and the public survey link family (issue 14: the token in the path is the respondent's only key).
    expect(open).toEqual([
      'GET /api/health',
      'GET /api/public/surveys/{token}',
      'POST /api/public/surveys/{token}',
      'POST /api/public/surveys/{token}/opt-out'
    ]);
    for (const { key, op } of operations().filter(({ op }) => op.security?.length !== 0)) {
      expect(op.security, key).toEqual([{ session: [] }, { bearerToken: [] }]);
      expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(['400', '401', '403', '404', '429', '500']));
    }
  });
});
