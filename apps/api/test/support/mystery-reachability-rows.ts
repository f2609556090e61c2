import { and, eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';

/**
 * Mystery calls stored straight in the database for the reachability tests and benchmark: a scenario
 * (with its scorecard), a published plan per month, and per call an assignment and the shopper's record.
 * Reachability reads only these tables; how the shopper's form writes them is tested with the form.
 */
export type MysteryRow = {
  dialledAt: Date;
  /** Seconds until a person answered; null: never answered. */
  answerSeconds: number | null;
  gaveUp?: boolean;
  menuSteps?: number;
  transfers?: number;
  rightAnswerGiven?: boolean | null;
  opportunityTaken?: boolean | null;
  scenarioVersionId: number;
};

/** A scenario of `programId` with one version per title given (the last is the latest). Returns the versions' ids. */
export async function storeScenario(db: Db, tenantId: number, programId: number, titles: string[]) {
  const sc = schema.scorecards;
  let [card] = await db
    .select({ id: sc.id })
    .from(sc)
    .where(and(eq(sc.tenantId, tenantId), eq(sc.programId, programId), eq(sc.purpose, 'mystery')));
  card ??= (
    await db.insert(sc).values({ tenantId, programId, purpose: 'mystery', name: 'Mystery call form', createdBy: 'test' }).returning()
  )[0]!;
  const [scenario] = await db.insert(schema.mysteryScenarios).values({ tenantId, programId, createdBy: 'test' }).returning();
  const ids: number[] = [];
  for (const [i, title] of titles.entries()) {
    const [v] = await db
      .insert(schema.mysteryScenarioVersions)
      .values({
        tenantId,
        scenarioId: scenario!.id,
        version: i + 1,
        title,
        story: 'A customer moving house',
        question: 'When is my final bill sent?',
        rightAnswer: 'Within six weeks of the move',
        orientedOpportunity: 'Offers to register the new address now',
        difficulty: 'easy',
        scorecardId: card.id,
        createdBy: 'test'
      })
      .returning();
    ids.push(v!.id);
  }
  return { scenarioId: scenario!.id, versionIds: ids };
}

/** Stores the calls (with a plan per UTC month, target `targetSeconds`) for one program and shopper, in one transaction. */
export async function storeMysteryCalls(
  db: Db,
  o: { tenantId: number; programId: number; shopperId: number; targetSeconds?: number; calls: MysteryRow[] }
) {
  await db.transaction(async (tx) => {
    const plans = new Map<string, number>();
    for (const month of new Set(o.calls.map((c) => c.dialledAt.toISOString().slice(0, 7)))) {
      const pl = schema.mysteryPlans;
      const [had] = await tx
        .select({ id: pl.id })
        .from(pl)
        .where(and(eq(pl.tenantId, o.tenantId), eq(pl.programId, o.programId), eq(pl.month, month)));
      const id =
        had?.id ??
        (
          await tx
            .insert(pl)
            .values({
              tenantId: o.tenantId,
              programId: o.programId,
              month,
              calls: o.calls.length,
              spread: 'grid',
              grid: [],
              targetAnswerSeconds: o.targetSeconds ?? 20,
              shopperIds: [o.shopperId],
              status: 'published',
              createdBy: 'test',
              updatedAt: new Date()
            })
            .returning()
        )[0]!.id;
      plans.set(month, id);
    }
    // In chunks: SQLite caps the variables of one statement.
    for (let i = 0; i < o.calls.length; i += 100) {
      const chunk = o.calls.slice(i, i + 100);
      const assignments = await tx
        .insert(schema.mysteryAssignments)
        .values(
          chunk.map((c) => ({
            tenantId: o.tenantId,
            planId: plans.get(c.dialledAt.toISOString().slice(0, 7))!,
            programId: o.programId,
            scenarioVersionId: c.scenarioVersionId,
            shopperId: o.shopperId,
            windowStart: new Date(c.dialledAt.getTime() - 1_800_000),
            windowEnd: new Date(c.dialledAt.getTime() + 1_800_000),
            status: 'completed' as const,
            updatedAt: new Date()
          }))
        )
        .returning({ id: schema.mysteryAssignments.id });
      await tx.insert(schema.mysteryCalls).values(
        chunk.map((c, j) => {
          const answered = c.answerSeconds != null;
          return {
            tenantId: o.tenantId,
            assignmentId: assignments[j]!.id,
            programId: o.programId,
            scenarioVersionId: c.scenarioVersionId,
            shopperId: o.shopperId,
            dialledAt: c.dialledAt,
            outcome: answered ? ('answered' as const) : c.gaveUp ? ('gave_up' as const) : ('never_answered' as const),
            answeredAt: answered ? new Date(c.dialledAt.getTime() + c.answerSeconds! * 1000) : null,
            gaveUpAfterSeconds: !answered && c.gaveUp ? 120 : null,
            menuSteps: c.menuSteps ?? 0,
            transfers: answered ? (c.transfers ?? 0) : 0,
            resolved: answered ? true : null,
            rightAnswerGiven: answered ? (c.rightAnswerGiven ?? null) : null,
            opportunityTaken: answered ? (c.opportunityTaken ?? null) : null,
            updatedAt: new Date()
          };
        })
      );
    }
  });
}
