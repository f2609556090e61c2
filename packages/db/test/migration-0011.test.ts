import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../src/testing.ts';
import { createFixtureOrg } from '../src/fixtures.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from '../src/migrate.ts';

/**
 * Migration 0011 on rows written before it: the per-dimension columns are back-filled from the cached
 * JSON, and a call scored twice keeps one counting evaluation (the first submitted); the other becomes a
 * 'second_opinion' that does not count. Then the database refuses a second counting one.
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
const rows = async (q: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql: q, args })).rows;
const ids: Record<'legacy' | 'dup' | 'emptyDraft', number> = { legacy: 0, dup: 0, emptyDraft: 0 };
let callId = 0;

beforeAll(async () => {
  t = await createTestDb();
  const org = await createFixtureOrg(t.db);
  const call = org.calls[0]!;
  callId = call.id;
  // Back to the state before 0011 (without its index), rows written then, and 0011's statements run again.
  await rows('drop index evaluations_one_counting_per_call');
  await rows('pragma foreign_keys = off');
  const insert = async (kind: string, status: string, submittedAt: number | null, dims: string | null, answers = '{"greeting":"yes"}') =>
    Number(
      (
        await rows(
          `insert into evaluations (tenant_id, call_id, agent_id, program_id, scorecard_version_id, evaluator_label, kind, status, revision, version, answers, submitted_at, overall_score, dimension_scores, updated_at)
           values (?, ?, ?, ?, 1, 'lead', ?, ?, 1, 2, ?, ?, 70, ?, 0) returning id`,
          [org.tenantId, call.id, call.agentId, call.programId, kind, status, answers, submittedAt as number, dims as string]
        )
      )[0]!.id
    );
  ids.legacy = await insert('sampled', 'submitted', 1000, '{"customer_friendly":77.5,"customer_oriented":40,"compliance":null}');
  ids.dup = await insert('sampled', 'submitted', 2000, '{"customer_friendly":100,"customer_oriented":100,"compliance":100}');
  ids.emptyDraft = await insert('self', 'draft', null, null, '{}');
  await rows('pragma foreign_keys = on');
  const statements = readFileSync(join(migrationsFolder, '0011_cached-scores-and-counting.sql'), 'utf8').split('--> statement-breakpoint');
  for (const statement of statements) await rows(statement);
});
afterAll(() => t.cleanup());

describe('migration 0011', () => {
  it('back-fills friendly, oriented and compliance scores from dimension_scores', async () => {
    const [r] = await rows('select friendly_score, oriented_score, compliance_score from evaluations where id = ?', [ids.legacy]);
    expect({ ...r }).toEqual({ friendly_score: 77.5, oriented_score: 40, compliance_score: null });
    const [d] = await rows('select dimension_scores from evaluations where id = ?', [ids.emptyDraft]);
    expect(JSON.parse(String(d!.dimension_scores))).toEqual({ customer_friendly: null, customer_oriented: null, compliance: null });
  });

  it('keeps the first submitted scoring of a call counting and turns the later one into a second opinion', async () => {
    const kinds = await rows('select id, kind from evaluations where call_id = ? order by id', [callId]);
    expect(kinds.map((k) => [Number(k.id), k.kind])).toEqual([
      [ids.legacy, 'sampled'],
      [ids.dup, 'second_opinion'],
      [ids.emptyDraft, 'self']
    ]);
  });

  it('then refuses a second submitted counting evaluation of the same call', async () => {
    await expect(rows("update evaluations set kind = 'live' where id = ?", [ids.dup])).rejects.toThrow(/UNIQUE/);
  });
});
