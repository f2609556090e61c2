import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { seedDemoScorecards, demoScorecardV2 } from '@attentive/db/demo/scorecards';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { computeScore, validateAnswers } from '../src/index.ts';

const def = ScorecardDefinition.parse(demoScorecardV2);

describe('the demo scorecard', () => {
  it('tells the polite script-reader apart from the customer-oriented agent', () => {
    const scriptReader = {
      greeting: 'yes',
      'uses-name': 'yes',
      'courteous-tone': 5,
      'no-interrupting': 'yes',
      empathy: 'yes',
      'need-behind-question': 'not',
      'correct-information': 'yes',
      'ownership-no-transfer': 'no',
      'first-contact-resolution': 'not-resolved',
      'next-step-unasked': 'no',
      'promise-with-time': 'no',
      'promise-checked': 'na',
      'correct-closing': 'yes',
      'identity-check': 'yes',
      'no-card-data': 'yes',
      'recording-notice': 'yes'
    } as const;
    validateAnswers(def, scriptReader, { requireComplete: true });
    const r = computeScore(def, scriptReader);
    expect(r.dimensions.customer_friendly.score).toBe(100);
    expect(r.dimensions.customer_oriented.score!).toBeLessThan(25);
    const oriented = {
      ...scriptReader,
      'courteous-tone': 3,
      'uses-name': 'no',
      'need-behind-question': 'fully',
      'ownership-no-transfer': 'yes',
      'first-contact-resolution': 'resolved',
      'next-step-unasked': 'yes',
      'promise-with-time': 'yes',
      'root-cause-flagged': 'yes'
    } as const;
    const o = computeScore(def, oriented);
    expect(o.dimensions.customer_oriented.score).toBe(100);
    expect(o.dimensions.customer_friendly.score!).toBeLessThan(90);
    const cardData = computeScore(def, { ...oriented, 'no-card-data': 'no' });
    expect(cardData).toMatchObject({ failed: true, score: 0, criticalErrors: { compliance: true } });
  });

  let t: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => (t = await createTestDb()));
  afterAll(() => t.cleanup());

  it('seeds a shared default with two frozen published versions', async () => {
    const [tenant] = await t.db.insert(schema.tenants).values({ slug: 'demo-sc', name: 'Demo' }).returning();
    const { scorecardId, versionId } = await seedDemoScorecards(t.db, tenant!.id, new Date('2026-11-01T00:00:00Z'));
    const versions = await t.db.select().from(schema.scorecardVersions).where(eq(schema.scorecardVersions.scorecardId, scorecardId));
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'published']
    ]);
    expect(versions.find((v) => v.id === versionId)!.version).toBe(2);
    for (const v of versions) expect(() => ScorecardDefinition.parse(v.definition)).not.toThrow();
    await expect(
      t.db.update(schema.scorecardVersions).set({ note: 'x' }).where(eq(schema.scorecardVersions.id, versionId))
    ).rejects.toThrow();
  });
});
