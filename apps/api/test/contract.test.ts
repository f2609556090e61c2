// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createGeneratorSync } from 'json-schema-faker';
import { createTestDb } from '@attentive/db/testing';
import { loadEnv } from '../src/env.ts';
import { EXPECTATIONS } from './authz/expectations.ts';
import { buildWorld, type Caller, type World } from './authz/world.ts';

/**
 * The contract test, driven by the OpenAPI document itself (so a new operation is covered without
 * editing this file). For every operation: the authorization matrix's own request (real ids), then
 * requests generated from the operation's request schema (json-schema-faker, seeded) — sent as an admin
 * and as an agent against a real temporary database. Every answer must have a status the operation
 * declares, the declared content type, and a body valid against the declared schema (Ajv, JSON Schema
 * 2020-12 as OpenAPI 3.1 uses). A generated request the document calls valid that input parsing refuses
 * ("Invalid input: <field>: …") is a mismatch between the document and what routes or verbs accept: those
 * are counted and listed (cross-field rules the document does not state yet), not yet failed on.
 * Reproduce with CONTRACT_SEED=<seed printed>; CONTRACT_RUNS sets the generated requests per operation and caller.
 */
const SEED = Number(process.env.CONTRACT_SEED ?? 20261202);
const RUNS = Number(process.env.CONTRACT_RUNS ?? 5);
const CALLERS: Caller[] = ['admin', 'agent'];

type Schema = Record<string, unknown>;
type Parameter = { in: string; name: string; required?: boolean; schema: Schema };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let world: World;
let doc: Doc;

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  world = await buildWorld(app, t.db);
  doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
}, 120_000);
afterAll(() => t.cleanup());

describe('the API keeps the contract of its OpenAPI document', () => {
  it('answers every generated valid request with a declared status, content type and body', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const validators = new Map<string, ValidateFunction>();
    const validatorOf = (key: string, schema: Schema) => {
      let v = validators.get(key);
      if (!v) validators.set(key, (v = ajv.compile({ ...rebase(schema) })));
      return v;
    };
    const gen = createGeneratorSync({
      seed: SEED,
      maxDepth: 6,
      maxDefaultItems: 3,
      optionalsProbability: 0.5,
      useExamplesValue: false,
      failOnInvalidTypes: false
    });
    // Examples are documentation: json-schema-faker would mistake an `example` of a record for a property.
    const components = JSON.parse(JSON.stringify(doc.components), (k, v: unknown) =>
      k === 'example' || k === 'examples' ? undefined : v
    ) as Doc['components'];
    const fake = (schema: Schema) =>
      gen.generate({
        ...(JSON.parse(JSON.stringify(schema), (k, v: unknown) => (k === 'example' || k === 'examples' ? undefined : v)) as Schema),
        components
      } as never);

    const failures: string[] = [];
    const refusals: string[] = [];
    const byStatus: Record<number, number> = {};
    let requests = 0;
    // Every seed first: a request that succeeds may change what a later seed builds on.
    const seeds = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        const e = EXPECTATIONS[key];
        if (!e) {
          failures.push(`${key}: no request in test/authz to take ids from (add it to the authorization matrix)`);
          continue;
        }
        for (const caller of CALLERS) seeds.push({ key, method, op, caller, seed: await e.request(world, 'own', caller) });
      }
    }
    {
      for (const { key, method, op, caller, seed } of seeds) {
        {
          const [seedPath, seedQuery] = seed.path.split('?') as [string, string?];
          const jsonBody = op.requestBody?.content['application/json']?.schema;
          const cases: { query: string; body: unknown; headers: Record<string, string>; generated: boolean }[] = [
            { query: seedQuery ?? '', body: seed.body, headers: seed.headers ?? {}, generated: false }
          ];
          for (let i = 0; i < RUNS; i++) {
            const query = new URLSearchParams();
            for (const p of (op.parameters ?? []).filter((p) => p.in === 'query')) {
              if (!p.required && i % 2 === 0) continue;
              const v = fake(p.schema);
              if (v !== undefined && v !== null) query.set(p.name, String(v));
            }
            // Bodies of other types (CSV uploads) keep the matrix's body; their query is generated.
            const body = jsonBody ? fake(jsonBody) : seed.body;
            cases.push({
              query: query.toString(),
              body,
              headers: jsonBody ? {} : (seed.headers ?? {}),
              generated: jsonBody !== undefined || query.size > 0
            });
          }
          for (const c of cases) {
            const url = `${seedPath}${c.query ? `?${c.query}` : ''}`;
            const headers: Record<string, string> = { ...world.headers[caller], ...c.headers };
            let payload: string | undefined;
            if (c.body !== undefined) {
              payload = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
              headers['content-type'] ??= 'application/json';
            }
            const res = await app.request(url, { method: method.toUpperCase(), headers, body: payload });
            requests++;
            byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
            const text = await res.text();
            const where = `${key} (${op.operationId}) as ${caller}: ${method.toUpperCase()} ${url.slice(0, 160)} body ${(payload ?? '(none)').slice(0, 200)} → ${res.status}`;
            const declared = op.responses[String(res.status)] ?? op.responses.default;
            if (!declared) {
              failures.push(`${where}: status not declared (declared: ${Object.keys(op.responses).join(', ')}) ${text.slice(0, 200)}`);
              continue;
            }
            if (!declared.content) {
              if (text.length) failures.push(`${where}: a body where none is declared`);
              continue;
            }
            const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
            const media = declared.content[type];
            if (!media) {
              failures.push(`${where}: content type "${type}" not declared (declared: ${Object.keys(declared.content).join(', ')})`);
              continue;
            }
            if (type === 'application/json') {
              const validate = validatorOf(`${key} ${res.status}`, media.schema);
              const body = JSON.parse(text) as unknown;
              if (!validate(body))
                failures.push(
                  `${where}: body does not match the schema: ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 400)} — ${text.slice(0, 200)}`
                );
              // Input parsing (the route's schema, or a verb's) refuses with "Invalid input: <field>: …"; other
              // 400s are rules no schema states (an item not on this scorecard, a scale whose max is below its min).
              const error = (body as { error?: { message?: string; details?: { path?: string }[] } }).error;
              if (res.status === 400 && c.generated && error?.message?.startsWith('Invalid input:')) {
                const fields = (error.details ?? []).map((d) => d.path).filter(Boolean);
                refusals.push(`${where}: refuses input the document calls valid (${fields.join(', ')}): ${text.slice(0, 300)}`);
              }
            }
          }
        }
      }
    }
    console.log(
      `contract: ${Object.values(doc.paths).reduce((n, o) => n + Object.keys(o).length, 0)} operations, ${requests} requests (seed ${SEED}), statuses ${JSON.stringify(byStatus)}`
    );
    const refused = new Set(refusals.map((r) => r.split(' as ')[0]));
    console.log(
      `contract: ${refusals.length} generated valid requests refused by input parsing, in ${refused.size} operations: ${[...refused].join('; ')}`
    );
    if (process.env.CONTRACT_REPORT) writeFileSync(process.env.CONTRACT_REPORT, [...failures, ...refusals].join('\n'));
    expect(failures.slice(0, 40), `${failures.length} failures (CONTRACT_SEED=${SEED})`).toEqual([]);
  }, 180_000);
});

/** Response schemas reference `#/components/schemas/X`: point those at the document registered as "doc". */
function rebase(schema: Schema): Schema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')) as Schema;
}
