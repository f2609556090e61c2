import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema, type DbOrTx } from '@attentive/db';
import type { MysteryCallRecord } from '@attentive/shared/mystery-calls';

/** Mystery calls with their program, scenario title, shopper and (through the evaluation) the matched agent. */
export async function mysteryCallRows(db: DbOrTx, tenantId: number, where: (SQL | undefined)[], limit = 2000) {
  const m = schema.mysteryCalls;
  const shopper = alias(schema.people, 'shopper');
  const agent = alias(schema.people, 'agent');
  return db
    .select({
      call: m,
      programName: schema.programs.name,
      scenarioTitle: schema.mysteryScenarioVersions.title,
      shopperName: shopper.name,
      agentId: schema.evaluations.agentId,
      agentName: agent.name
    })
    .from(m)
    .innerJoin(schema.programs, eq(schema.programs.id, m.programId))
    .innerJoin(schema.mysteryScenarioVersions, eq(schema.mysteryScenarioVersions.id, m.scenarioVersionId))
    .innerJoin(shopper, eq(shopper.id, m.shopperId))
    .leftJoin(schema.evaluations, eq(schema.evaluations.id, m.evaluationId))
    .leftJoin(agent, eq(agent.id, schema.evaluations.agentId))
    .where(and(eq(m.tenantId, tenantId), ...where))
    .orderBy(desc(m.dialledAt), desc(m.id))
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof mysteryCallRows>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function mysteryCallDto(r: Row): MysteryCallRecord {
  const c = r.call;
  return {
    id: c.id,
    assignmentId: c.assignmentId,
    programId: c.programId,
    programName: r.programName,
    scenarioVersionId: c.scenarioVersionId,
    scenarioTitle: r.scenarioTitle,
    shopperId: c.shopperId,
    shopperName: r.shopperName,
    dialledAt: c.dialledAt.toISOString(),
    outcome: c.outcome,
    answeredAt: iso(c.answeredAt),
    gaveUpAfterSeconds: c.gaveUpAfterSeconds,
    menuSteps: c.menuSteps,
    menuChoices: c.menuChoices,
    holdSeconds: c.holdSeconds,
    transfers: c.transfers,
    resolved: c.resolved,
    agentNameGiven: c.agentNameGiven,
    rightAnswerGiven: c.rightAnswerGiven,
    opportunityTaken: c.opportunityTaken,
    notes: c.notes,
    evaluationId: c.evaluationId,
    agentId: r.agentId ?? null,
    agentName: r.agentName ?? null,
    matchedCallId: c.matchedCallId,
    matchedAt: iso(c.matchedAt),
    matchedBy: c.matchedBy,
    createdAt: c.createdAt.toISOString()
  };
}
