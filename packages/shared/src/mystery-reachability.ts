import { z } from 'zod';
import { Estimate } from './contract.ts';

/**
 * Reachability and scenario results of mystery calls (issue 13): the request both reads take and the
 * answers, for the core verbs, the API and the web's typed client. Times are seconds; shares are 0..1.
 */

const Ymd = z.iso.date();

/** Which programs and which local days (both inclusive, in the tenant's zone). Default: the last full month, every readable program. */
export const ReachabilityQuery = z
  .object({
    programId: z.number().int().positive().optional(),
    from: Ymd.optional(),
    to: Ymd.optional()
  })
  .meta({ id: 'ReachabilityQuery' });
export type ReachabilityQuery = z.infer<typeof ReachabilityQuery>;

/** The reachability figures of a set of mystery calls (all calls, or one weekday × hour cell). */
export const ReachabilityFigures = z
  .object({
    /** Mystery calls behind the figures (answered or not). */
    n: z.number().int(),
    /** Answered by a person within the target seconds, over all calls (never answered and gave up count as missed). */
    serviceLevel: Estimate,
    /** Seconds from dialling to a person answering, over answered calls. */
    meanAnswerSeconds: Estimate,
    /** 90th percentile of those seconds, with a distribution-free interval (an end is null when too few calls). */
    p90AnswerSeconds: Estimate,
    /** Never answered or gave up, over all calls. */
    neverReached: Estimate,
    /** Menu steps before reaching a person (or giving up), over all calls. */
    menuSteps: Estimate,
    /** Transfers, over answered calls. */
    transfers: Estimate
  })
  .meta({ id: 'ReachabilityFigures' });
export type ReachabilityFigures = z.infer<typeof ReachabilityFigures>;

/** Weekday 1 = Monday … 7 = Sunday and hour 0–23 in the tenant's time zone. */
const Slot = { weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23) };

export const ReachabilityCell = z.object({ ...Slot, ...ReachabilityFigures.shape }).meta({ id: 'ReachabilityCell' });
export type ReachabilityCell = z.infer<typeof ReachabilityCell>;

/** The imported calls' own service level in one cell: answered calls only (imports hold no abandoned calls). */
export const ImportedServiceLevelCell = z
  .object({ ...Slot, n: z.number().int(), serviceLevel: Estimate })
  .meta({ id: 'ImportedServiceLevelCell' });
export type ImportedServiceLevelCell = z.infer<typeof ImportedServiceLevelCell>;

export const ImportedServiceLevel = z
  .object({
    /** Inbound imported calls of the programs in the period. */
    n: z.number().int(),
    /** Answered within the target seconds, over imported (answered) calls. */
    serviceLevel: Estimate,
    meanAnswerSeconds: Estimate,
    cells: z.array(ImportedServiceLevelCell)
  })
  .meta({ id: 'ImportedServiceLevel' });
export type ImportedServiceLevel = z.infer<typeof ImportedServiceLevel>;

const ProgramRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** What the report covers: the local days, the zone they are cut in, the programs read. */
const Scope = {
  from: Ymd,
  to: Ymd,
  timeZone: z.string(),
  /** The program asked for, or null for every program the reader may see (listed in `programs`). */
  programId: z.number().int().nullable(),
  /** Every program whose reachability the reader may read (for the filter). */
  programs: z.array(ProgramRef)
};

export const Reachability = z
  .object({
    ...Scope,
    /** The service-level target: the plans' target answer seconds in the period (the most common one), 20 without plans. */
    targetSeconds: z.number().int(),
    overall: ReachabilityFigures,
    /** Only cells with at least one call, by weekday then hour. */
    cells: z.array(ReachabilityCell)
  })
  .meta({ id: 'Reachability' });
export type Reachability = z.infer<typeof Reachability>;

/** The imported calls' service level over the same programs, days and target as the mystery calls'. */
export const ImportedReachability = z
  .object({ ...Scope, targetSeconds: z.number().int(), ...ImportedServiceLevel.shape })
  .meta({ id: 'ImportedReachability' });
export type ImportedReachability = z.infer<typeof ImportedReachability>;

/** Right-answer and oriented-opportunity rates over answered calls where the shopper recorded them. */
export const ScenarioRates = z
  .object({
    /** Mystery calls made with it (answered or not). */
    calls: z.number().int(),
    answered: z.number().int(),
    rightAnswer: Estimate,
    opportunityTaken: Estimate
  })
  .meta({ id: 'ScenarioRates' });
export type ScenarioRates = z.infer<typeof ScenarioRates>;

export const ScenarioResults = z
  .object({
    ...Scope,
    /** Per scenario (all its versions together), titled by its latest version. */
    scenarios: z.array(
      z.object({
        scenarioId: z.number().int(),
        title: z.string(),
        programId: z.number().int(),
        retired: z.boolean(),
        ...ScenarioRates.shape
      })
    ),
    perProgram: z.array(z.object({ programId: z.number().int(), ...ScenarioRates.shape }))
  })
  .meta({ id: 'ScenarioResults' });
export type ScenarioResults = z.infer<typeof ScenarioResults>;
