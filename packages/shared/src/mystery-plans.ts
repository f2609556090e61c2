import { z } from 'zod';

/**
 * Mystery-call month plans (issue 13): the request and response shapes the API documents and core
 * validates with. A plan spreads `calls` over weekday × hour cells of one month (local time of the
 * contact center), by the program's imported call volume or by a chosen grid; publishing it creates the
 * assignments (scenario, shopper, window).
 */

export const MYSTERY_PLAN_MAX_CALLS = 500;
export const MYSTERY_PLAN_MAX_SHOPPERS = 50;

const Int = z.number().int();
const Id = Int.positive();

export const MysteryPlanMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM')
  .meta({ description: "A calendar month 'YYYY-MM' in the contact center's time zone", example: '2027-03' });

export const MysteryGridCell = z
  .object({
    weekday: Int.min(1, 'weekday must be 1 (Monday) to 7 (Sunday)').max(7, 'weekday must be 1 (Monday) to 7 (Sunday)'),
    hour: Int.min(0, 'hour must be 0–23').max(23, 'hour must be 0–23'),
    weight: z.number().min(0, 'weight must be ≥ 0').max(1_000_000, 'weight must be ≤ 1,000,000')
  })
  .meta({ id: 'MysteryGridCell', description: 'A weekday (1 = Monday … 7 = Sunday) × local hour (0–23) and its weight' });
export type MysteryGridCell = z.infer<typeof MysteryGridCell>;

export const MysteryPlanSpread = z
  .enum(['volume', 'grid'])
  .meta({ id: 'MysteryPlanSpread', description: "'volume': like the program's imported inbound calls; 'grid': the chosen cells" });
export const MysteryPlanStatus = z.enum(['draft', 'published']).meta({ id: 'MysteryPlanStatus' });
export const MysteryAssignmentStatus = z.enum(['planned', 'completed', 'cancelled']).meta({ id: 'MysteryAssignmentStatus' });

const Calls = Int.min(1, 'calls must be at least 1').max(MYSTERY_PLAN_MAX_CALLS, `calls must be at most ${MYSTERY_PLAN_MAX_CALLS}`);
const TargetSeconds = Int.min(1, 'targetAnswerSeconds must be at least 1').max(600, 'targetAnswerSeconds must be at most 600');
const ShopperIds = z
  .array(Id)
  .min(1, 'choose at least one shopper')
  .max(MYSTERY_PLAN_MAX_SHOPPERS)
  .refine((ids) => new Set(ids).size === ids.length, 'a shopper is listed twice')
  .meta({ uniqueItems: true, description: 'People holding the mystery_shopper role, each once' });
const Grid = z.array(MysteryGridCell).max(168, 'a grid has at most 7 × 24 cells');

/** What a manager fills in. The grid is required (with a weight above 0) when spread is 'grid'. */
export const CreateMysteryPlanInput = z.object({
  programId: Id,
  month: MysteryPlanMonth,
  calls: Calls,
  spread: MysteryPlanSpread,
  grid: Grid.default([]),
  targetAnswerSeconds: TargetSeconds.default(20),
  shopperIds: ShopperIds
});

/** A draft's changes; `version` is the one it was read at (stale → 409). */
export const UpdateMysteryPlanInput = z.object({
  version: Id,
  calls: Calls.optional(),
  spread: MysteryPlanSpread.optional(),
  grid: Grid.optional(),
  targetAnswerSeconds: TargetSeconds.optional(),
  shopperIds: ShopperIds.optional()
});

export const PublishMysteryPlanInput = z.object({ version: Id.optional() });
export const ReassignMysteryAssignmentInput = z.object({ shopperId: Id });

const Person = z.object({ id: Int, name: z.string(), code: z.string() });

export const MysteryPlan = z
  .object({
    id: Int,
    programId: Int,
    programName: z.string(),
    month: z.string(),
    calls: Int,
    spread: MysteryPlanSpread,
    grid: z.array(MysteryGridCell),
    targetAnswerSeconds: Int,
    shoppers: z.array(Person),
    status: MysteryPlanStatus,
    version: Int,
    createdAt: z.string(),
    publishedAt: z.string().nullable()
  })
  .meta({ id: 'MysteryPlan' });
export type MysteryPlan = z.infer<typeof MysteryPlan>;

export const MysteryPlanListItem = MysteryPlan.pick({
  id: true,
  programId: true,
  programName: true,
  month: true,
  calls: true,
  spread: true,
  status: true
})
  .extend({
    shoppers: Int,
    /** Assignments by status (all 0 for a draft). */
    planned: Int,
    completed: Int,
    cancelled: Int
  })
  .meta({ id: 'MysteryPlanListItem' });

export const MysteryAssignmentRow = z
  .object({
    id: Int,
    scenarioVersionId: Int,
    scenarioTitle: z.string(),
    shopperId: Int,
    shopperName: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    weekday: Int,
    hour: Int,
    status: MysteryAssignmentStatus
  })
  .meta({ id: 'MysteryPlanAssignment' });

export const MysteryPlanProblem = z.enum(['no_volume', 'empty_grid', 'no_scenarios']).meta({ id: 'MysteryPlanProblem' });
export type MysteryPlanProblem = z.infer<typeof MysteryPlanProblem>;

/** Calls per weekday × hour: planned by the planner (a draft's preview) or by the assignments (published). */
export const MysteryPlanDistribution = z
  .object({
    kind: z.enum(['preview', 'assignments']),
    cells: z.array(z.object({ weekday: Int, hour: Int, calls: Int })),
    /**
     * Why nothing can be planned, null when it can: 'no_volume' (no imported inbound calls to weigh by),
     * 'empty_grid' (no cell with weight above 0), 'no_scenarios' (the program has no active scenario).
     */
    problem: MysteryPlanProblem.nullable()
  })
  .meta({ id: 'MysteryPlanDistribution' });

export const MysteryVolumeWeights = z
  .object({
    programId: Int,
    /** The weeks read: [from, to), local midnights. */
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    calls: Int,
    cells: z.array(MysteryGridCell)
  })
  .meta({
    id: 'MysteryVolumeWeights',
    description: 'Imported inbound calls per local weekday × hour over the 8 weeks before the month (or before today, if sooner)'
  });
export type MysteryVolumeWeights = z.infer<typeof MysteryVolumeWeights>;

export const MysteryPlanDetail = z
  .object({
    plan: MysteryPlan,
    timeZone: z.string(),
    distribution: MysteryPlanDistribution,
    assignments: z.array(MysteryAssignmentRow),
    /** The program's scenarios a publish would use (active, current version). */
    activeScenarios: Int
  })
  .meta({ id: 'MysteryPlanDetail' });

export const MysteryPlanOptions = z
  .object({
    programs: z.array(z.object({ id: Int, name: z.string(), clientName: z.string() })),
    shoppers: z.array(Person),
    timeZone: z.string()
  })
  .meta({ id: 'MysteryPlanOptions' });
export type MysteryPlanDetail = z.infer<typeof MysteryPlanDetail>;
export type MysteryPlanOptions = z.infer<typeof MysteryPlanOptions>;
