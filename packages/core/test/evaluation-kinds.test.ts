import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { EVALUATION_KINDS } from '@attentive/db/schema/evaluations';
import { CLIENT_VISIBLE_KINDS, COUNTING_KINDS, KIND_TRAITS } from '../src/evaluations/kinds.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('the table of evaluation kinds', () => {
  it('has one row per kind the database stores', () => {
    expect(Object.keys(KIND_TRAITS).sort()).toEqual([...EVALUATION_KINDS].sort());
  });

  it('never counts or shows a self-evaluation to the client', () => {
    expect(COUNTING_KINDS).not.toContain('self');
    expect(CLIENT_VISIBLE_KINDS).not.toContain('self');
    expect(COUNTING_KINDS).toEqual(['sampled', 'live', 'mystery']);
  });

  it('agrees with the database index that keeps one counting evaluation per call', async () => {
    const [row] = (await t.db.$client.execute("select sql from sqlite_master where name = 'evaluations_one_counting_per_call'")).rows;
    const inList = /kind in \(([^)]*)\)/.exec(String(row!.sql))![1]!;
    expect(inList.split(',').map((k) => k.trim().replace(/'/g, ''))).toEqual(COUNTING_KINDS);
  });
});
