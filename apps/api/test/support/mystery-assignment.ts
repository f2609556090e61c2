import { and, eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { ScorecardDefinition, type ScorecardDefinitionInput } from '@attentive/shared/scorecard';

/** The mystery-call form the tests fill: two items, one of them the same id as a call scorecard's. */
export const MYSTERY_FORM: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'handling',
      title: 'Handling',
      items: [
        { id: 'greeting', text: 'Greets with name and company', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' },
        { id: 'checks-email', text: 'Checks the e-mail address', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_oriented' }
      ]
    }
  ]
};

/**
 * A planned mystery-call assignment for `shopperId` in a program, with what it needs (the program's
 * published mystery-call scorecard, a scenario and a published plan), stored straight in the database:
 * tests of the shopper's form need an assignment, not the planner (other slices test that).
 */
export async function mysteryAssignment(db: Db, o: { tenantId: number; programId: number; shopperId: number; windowStart?: Date }) {
  let [card] = await db
    .select({ id: schema.scorecards.id })
    .from(schema.scorecards)
    .where(and(eq(schema.scorecards.programId, o.programId), eq(schema.scorecards.purpose, 'mystery')));
  if (!card) {
    [card] = await db
      .insert(schema.scorecards)
      .values({ tenantId: o.tenantId, programId: o.programId, name: 'Mystery-call form', purpose: 'mystery', createdBy: 'test' })
      .returning({ id: schema.scorecards.id });
    await db.insert(schema.scorecardVersions).values({
      tenantId: o.tenantId,
      scorecardId: card!.id,
      version: 1,
      status: 'published',
      definition: ScorecardDefinition.parse(MYSTERY_FORM),
      createdBy: 'test',
      updatedAt: new Date(),
      publishedAt: new Date(),
      publishedBy: 'test'
    });
  }
  const [scenario] = await db
    .insert(schema.mysteryScenarios)
    .values({ tenantId: o.tenantId, programId: o.programId, createdBy: 'test' })
    .returning();
  const [version] = await db
    .insert(schema.mysteryScenarioVersions)
    .values({
      tenantId: o.tenantId,
      scenarioId: scenario!.id,
      version: 1,
      title: 'Annual statement',
      story: 'You moved last month and never received your annual statement.',
      question: 'Can you send me my annual statement?',
      rightAnswer: 'Yes: it is sent by e-mail within a day.',
      orientedOpportunity: 'Checks the e-mail address and offers to send it now.',
      difficulty: 'easy',
      scorecardId: card!.id,
      createdBy: 'test'
    })
    .returning();
  // One published plan per program holds the tests' assignments.
  let [plan] = await db.select().from(schema.mysteryPlans).where(eq(schema.mysteryPlans.programId, o.programId)).limit(1);
  if (!plan)
    [plan] = await db
      .insert(schema.mysteryPlans)
      .values({
        tenantId: o.tenantId,
        programId: o.programId,
        month: '2026-12',
        calls: 1,
        spread: 'volume',
        shopperIds: [o.shopperId],
        status: 'published',
        createdBy: 'test',
        updatedAt: new Date()
      })
      .returning();
  const windowStart = o.windowStart ?? new Date(Date.now() - 3600_000);
  const [assignment] = await db
    .insert(schema.mysteryAssignments)
    .values({
      tenantId: o.tenantId,
      planId: plan!.id,
      programId: o.programId,
      scenarioVersionId: version!.id,
      shopperId: o.shopperId,
      windowStart,
      windowEnd: new Date(windowStart.getTime() + 2 * 3600_000),
      updatedAt: new Date()
    })
    .returning();
  return { assignment: assignment!, scenarioVersion: version!, scorecardId: card!.id };
}
