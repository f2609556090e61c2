import { z } from 'zod';
import { plainText } from './text.ts';

/**
 * The scenario library of mystery calls (issue 13): what a shopper plays when calling as a customer. Request
 * and response shapes, used by core (validation) and the API (document); the screens read the limits.
 */

export const MYSTERY_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const MysteryDifficulty = z.enum(MYSTERY_DIFFICULTIES).meta({ id: 'MysteryDifficulty' });
export type MysteryDifficulty = z.infer<typeof MysteryDifficulty>;

/** Most characters per field (after trimming); the form uses them as `maxlength`. */
export const SCENARIO_LIMITS = {
  title: 200,
  story: 4000,
  question: 2000,
  rightAnswer: 4000,
  orientedOpportunity: 2000,
  note: 500
} as const;

const required = (what: string, max: number, multiline = true) => plainText({ min: 1, minMessage: `${what} is required`, max, multiline });

/** What one version of a scenario says: every field is required (a shopper cannot play half a scenario). */
export const ScenarioContent = z
  .object({
    title: required('a title', SCENARIO_LIMITS.title, false),
    story: required("the customer's story", SCENARIO_LIMITS.story),
    question: required("the customer's question", SCENARIO_LIMITS.question),
    rightAnswer: required('the right answer', SCENARIO_LIMITS.rightAnswer),
    orientedOpportunity: required('the customer-oriented opportunity', SCENARIO_LIMITS.orientedOpportunity),
    difficulty: MysteryDifficulty,
    /** A scorecard of the scenario's program (its mystery-call form or its call scorecard) or the shared default, published. */
    scorecardId: z.number({ error: 'choose a scorecard' }).int().positive()
  })
  .strict()
  .meta({ id: 'MysteryScenarioContent' });
export type ScenarioContent = z.infer<typeof ScenarioContent>;

export const CreateScenarioInput = ScenarioContent.extend({ programId: z.number({ error: 'choose a program' }).int().positive() })
  .strict()
  .meta({ id: 'CreateMysteryScenario' });

/** A change makes the next version; `baseVersion` is the version the editor changed (a newer one: 409). */
export const ReviseScenarioBody = ScenarioContent.extend({
  baseVersion: z.number().int().positive(),
  note: plainText({ max: SCENARIO_LIMITS.note, multiline: true }).default('')
})
  .strict()
  .meta({ id: 'ReviseMysteryScenario' });

export const ScenarioVersion = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    title: z.string(),
    story: z.string(),
    question: z.string(),
    rightAnswer: z.string(),
    orientedOpportunity: z.string(),
    difficulty: MysteryDifficulty,
    scorecardId: z.number().int(),
    scorecardName: z.string(),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string()
  })
  .meta({ id: 'MysteryScenarioVersion' });
export type ScenarioVersion = z.infer<typeof ScenarioVersion>;

/** A scenario with its current (latest) version. */
export const Scenario = z
  .object({
    id: z.number().int(),
    programId: z.number().int(),
    programName: z.string(),
    clientId: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    retiredAt: z.string().nullable(),
    retiredBy: z.string().nullable(),
    versionCount: z.number().int(),
    current: ScenarioVersion
  })
  .meta({ id: 'MysteryScenario' });
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioDetail = z
  .object({ scenario: Scenario, versions: z.array(ScenarioVersion).meta({ description: 'Every version, oldest first' }) })
  .meta({ id: 'MysteryScenarioDetail' });
export type ScenarioDetail = z.infer<typeof ScenarioDetail>;
