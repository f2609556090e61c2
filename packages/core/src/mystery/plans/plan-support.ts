import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { MysteryPlan } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { canManageMystery } from '../../policy/mystery.ts';
import { zonedMidnight } from '../../sampling/period.ts';

/** What every plan verb shares: who may, loading a plan, checking shoppers, the plan as the API shows it. */

export const requireMysteryManager = (ctx: Ctx) => {
  if (!canManageMystery(ctx.principal)) throw forbidden('Only admins and QA analysts plan mystery calls');
};

export type PlanRow = typeof schema.mysteryPlans.$inferSelect;

/** A plan of the tenant (another tenant's: NOT_FOUND, like a missing one). */
export async function loadPlan(tx: DbOrTx, tenantId: number, planId: number): Promise<PlanRow> {
  const [row] = await tx
    .select()
    .from(schema.mysteryPlans)
    .where(and(eq(schema.mysteryPlans.id, planId), eq(schema.mysteryPlans.tenantId, tenantId)))
    .limit(1);
  if (!row) throw notFound(`Mystery plan ${planId}`);
  return row;
}

/** A program of the tenant with its name. */
export async function loadProgram(tx: DbOrTx, tenantId: number, programId: number) {
  const [row] = await tx
    .select({ id: schema.programs.id, name: schema.programs.name })
    .from(schema.programs)
    .where(and(eq(schema.programs.id, programId), eq(schema.programs.tenantId, tenantId)))
    .limit(1);
  return row;
}

/** People of the tenant holding the mystery_shopper role, by id. */
export async function shoppersById(tx: DbOrTx, tenantId: number, ids?: number[]) {
  const rows = await tx
    .selectDistinct({ id: schema.people.id, name: schema.people.name, code: schema.people.code })
    .from(schema.people)
    .innerJoin(schema.roleAssignments, eq(schema.roleAssignments.personId, schema.people.id))
    .where(
      and(
        eq(schema.people.tenantId, tenantId),
        eq(schema.roleAssignments.tenantId, tenantId),
        eq(schema.roleAssignments.role, 'mystery_shopper'),
        ...(ids ? [inArray(schema.people.id, ids.length ? ids : [-1])] : [])
      )
    )
    .orderBy(schema.people.name);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every id must be a mystery shopper of the tenant: else 400 naming `shopperIds.N` (or `path`). */
export async function checkShoppers(tx: DbOrTx, tenantId: number, ids: number[], path = (i: number) => `shopperIds.${i}`) {
  const known = await shoppersById(tx, tenantId, ids);
  const details = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: path(i), message: `person ${id} is not a mystery shopper here` }]));
  if (details.length) throw invalid(`Cannot plan with these shoppers: ${details.map((d) => d.message).join('; ')}`, details);
  return known;
}

/** [start, end) of a month 'YYYY-MM' in `tz`: local midnights. */
export function monthRange(month: string, tz: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: zonedMidnight(tz, y, m, 1), end: zonedMidnight(tz, m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) };
}

/** The program's scenarios a publish uses: not retired, each at its current (highest) version. */
export async function activeScenarioVersions(tx: DbOrTx, tenantId: number, programId: number) {
  const s = schema.mysteryScenarios;
  const v = schema.mysteryScenarioVersions;
  const latest = tx
    .select({ scenarioId: v.scenarioId, version: max(v.version).as('latest') })
    .from(v)
    .where(eq(v.tenantId, tenantId))
    .groupBy(v.scenarioId)
    .as('latest');
  return tx
    .select({ versionId: v.id, title: v.title, difficulty: v.difficulty })
    .from(s)
    .innerJoin(latest, eq(latest.scenarioId, s.id))
    .innerJoin(v, and(eq(v.scenarioId, s.id), eq(v.version, latest.version)))
    .where(and(eq(s.tenantId, tenantId), eq(s.programId, programId), isNull(s.retiredAt)))
    .orderBy(v.id);
}

/** The plan as the API shows it. */
export async function planDto(tx: DbOrTx, row: PlanRow): Promise<MysteryPlan> {
  const program = await loadProgram(tx, row.tenantId, row.programId);
  const people = await tx
    .select({ id: schema.people.id, name: schema.people.name, code: schema.people.code })
    .from(schema.people)
    .where(and(eq(schema.people.tenantId, row.tenantId), inArray(schema.people.id, row.shopperIds.length ? row.shopperIds : [-1])));
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    id: row.id,
    programId: row.programId,
    programName: program?.name ?? '',
    month: row.month,
    calls: row.calls,
    spread: row.spread,
    grid: row.grid ?? [],
    targetAnswerSeconds: row.targetAnswerSeconds,
    shoppers: row.shopperIds.map((id) => byId.get(id) ?? { id, name: `#${id}`, code: '' }),
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null
  };
}

/** The seed of a plan's draw: the same plan previews and publishes the same calls. */
export const planSeed = (row: Pick<PlanRow, 'tenantId' | 'id'>) => `mystery-plan:${row.tenantId}:${row.id}`;

export const isUniqueViolation = (e: unknown) =>
  /UNIQUE constraint failed/i.test(String((e as { cause?: unknown })?.cause ?? e) + String(e));
