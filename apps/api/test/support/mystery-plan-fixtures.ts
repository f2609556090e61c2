import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { ensureScorecard } from './scorecard.ts';

/**
 * What planning mystery calls needs besides a program, stored straight in the database (the scenario
 * library's own verbs are another slice): mystery shoppers and scenarios with a version.
 */

const DEF = {
  sections: [
    {
      id: 's',
      title: 'S',
      items: [{ id: 'greeting', text: 'Greets', answer: { type: 'yes_no' as const }, weight: 1, dimension: 'customer_friendly' as const }]
    }
  ]
};

/** A person holding the mystery_shopper role (no sign-in). */
export async function addShopper(db: Db, tenantId: number, name: string) {
  const [p] = await db
    .insert(schema.people)
    .values({ tenantId, code: `MS-${name}-${Math.random().toString(36).slice(2, 7)}`, name })
    .returning({ id: schema.people.id });
  await db.insert(schema.roleAssignments).values({ tenantId, personId: p!.id, role: 'mystery_shopper' });
  return p!.id;
}

/** A scenario of `programId` at version `versions` (1, or more to test that the current one is used); optionally retired. */
export async function addScenario(
  db: Db,
  tenantId: number,
  programId: number,
  title: string,
  opts: { versions?: number; retired?: boolean; difficulty?: 'easy' | 'medium' | 'hard' } = {}
) {
  await ensureScorecard(db, tenantId, DEF, { name: 'Mystery test card', createdBy: 'test' });
  const [card] = await db
    .select({ id: schema.scorecards.id })
    .from(schema.scorecards)
    .where(and(eq(schema.scorecards.tenantId, tenantId), isNull(schema.scorecards.programId)))
    .limit(1);
  const [s] = await db
    .insert(schema.mysteryScenarios)
    .values({ tenantId, programId, createdBy: 'test', ...(opts.retired ? { retiredAt: new Date(), retiredBy: 'test' } : {}) })
    .returning({ id: schema.mysteryScenarios.id });
  let versionId = 0;
  for (let v = 1; v <= (opts.versions ?? 1); v++) {
    const [row] = await db
      .insert(schema.mysteryScenarioVersions)
      .values({
        tenantId,
        scenarioId: s!.id,
        version: v,
        title: v === 1 ? title : `${title} (v${v})`,
        story: 'A customer moving house',
        question: 'How do I pass on my meter readings?',
        rightAnswer: 'Online or by phone, within 5 days of the move',
        orientedOpportunity: 'Checks the new address and offers to set up the contract there',
        difficulty: opts.difficulty ?? 'medium',
        scorecardId: card!.id,
        createdBy: 'test'
      })
      .returning({ id: schema.mysteryScenarioVersions.id });
    versionId = row!.id;
  }
  return { scenarioId: s!.id, versionId };
}
