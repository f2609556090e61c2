// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { loadEnv } from '../src/env.ts';
import { EXPECTATIONS } from './authz/expectations.ts';
import { CALLERS, buildWorld, type World } from './authz/world.ts';

/**
 * Every name, label, note, reason and comment people type goes through one schema
 * (packages/shared/src/text.ts): control characters, lone surrogates, text-direction overrides and
 * (in one-line text) zero-width characters are refused with a message naming the character.
 * Each case takes the authorization matrix's valid request and puts hostile text in one field.
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let world: World;

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  world = await buildWorld(app, t.db);
}, 120_000);
afterAll(() => t.cleanup());

/** Operation, and the path of the text field in its body. */
const FIELDS: [op: string, path: (string | number)[], multiline: boolean][] = [
  ['POST /api/admin/teams', ['name'], false],
  ['POST /api/admin/clients', ['name'], false],
  ['POST /api/admin/programs', ['name'], false],
  ['POST /api/admin/people', ['name'], false],
  ['POST /api/admin/api-tokens', ['name'], false],
  ['POST /api/scorecards', ['name'], false],
  ['POST /api/sampling/plans', ['name'], false],
  ['POST /api/sampling/items/{id}/replace', ['reason'], true],
  ['POST /api/evaluations/{id}/comments', ['text'], true],
  ['POST /api/evaluations/{id}/revisions', ['reason'], true],
  ['POST /api/coaching/evaluations/{id}/disputes', ['items', 0, 'reason'], true],
  ['POST /api/coaching/sessions', ['focusItems', 0, 'text'], false],
  ['POST /api/coaching/sessions/{id}/follow-ups', ['note'], true],
  ['POST /api/coaching/self-evaluations', ['message'], true]
];

const HOSTILE: [text: string, why: RegExp, inNotesToo: boolean][] = [
  ['Ann\u0000e', /control character \(U\+0000/, true],
  ['Ann\ud800e', /lone surrogate U\+D800/, true],
  ['Ann\u202eevil', /text-direction override \(U\+202E/, true],
  ['Ann\u2066e', /text-direction override \(U\+2066/, true],
  ['Ann\u200be', /invisible character \(U\+200B/, false],
  ['Ann\ufeffe', /invisible character \(U\+FEFF/, true],
  ['Ann\ne', /must be one line/, false]
];

function withField(body: unknown, path: (string | number)[], value: string): unknown {
  const copy: any = structuredClone(body);
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k];
  node[path.at(-1)!] = value;
  return copy;
}

describe('text people type', () => {
  it('refuses control, broken, direction-override and invisible characters in every name and note, saying which and where', async () => {
    const wrong: string[] = [];
    for (const [op, path, multiline] of FIELDS) {
      const e = EXPECTATIONS[op]!;
      const caller = CALLERS.find((c) => {
        const s = e.expect[c];
        return (typeof s === 'number' ? s : s.own) < 300;
      })!;
      const seed = await e.request(world, 'own', caller);
      for (const [text, why, inNotesToo] of HOSTILE) {
        if (multiline && !inNotesToo) continue;
        const res = await app.request(seed.path, {
          method: op.split(' ')[0],
          headers: { ...world.headers[caller], 'content-type': 'application/json' },
          body: JSON.stringify(withField(seed.body, path, text))
        });
        const body = (await res.json()) as { error?: { message: string } };
        if (res.status !== 400 || !why.test(body.error?.message ?? ''))
          wrong.push(`${op} ${path.join('.')}=${JSON.stringify(text)}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets multi-line text keep its line breaks and tabs', async () => {
    const op = 'POST /api/evaluations/{id}/comments';
    const e = EXPECTATIONS[op]!;
    const seed = await e.request(world, 'own', 'qa_analyst');
    const res = await app.request(seed.path, {
      method: 'POST',
      headers: { ...world.headers.qa_analyst, 'content-type': 'application/json' },
      body: JSON.stringify({ ...(seed.body as object), text: 'Good call.\r\n\tNext time: confirm the address 👩‍💻' })
    });
    expect(res.status).toBeLessThan(300);
  });
});
