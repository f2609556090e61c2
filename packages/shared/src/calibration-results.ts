import { z } from 'zod';
import { plainText } from './text.ts';
import { AnswerType, AnswerValue } from './scorecard.ts';
import { CalibrationConsensusBasis } from './calibration.ts';

/**
 * Calibration results (issue 15, docs/calibration-results.md): the revealed answers side by side, the agreed
 * answers, the agreement per item and overall, each evaluator's deviation from the agreed answers, and its drift
 * across sessions. Shares are 0..1; scores and points are percentages 0..100. "Not computable" is a reason code,
 * never NaN: the screens translate the code.
 */

/** Why an agreement figure could not be computed. */
export const AGREEMENT_REASONS = [
  /** Nobody answered the item (or every answer was N.A.). */
  'no_answers',
  /** No call has answers of two or more evaluators: nothing to compare. */
  'too_few_answers',
  /** Everyone used one and the same answer everywhere: agreement cannot be told from chance. */
  'one_value',
  /** Fleiss' kappa needs every call answered by the same evaluators. */
  'not_same_raters',
  /** The bootstrap interval needs two or more calls with two or more answers. */
  'too_few_calls'
] as const;
export const AgreementReason = z.enum(AGREEMENT_REASONS).meta({ id: 'AgreementReason' });
export type AgreementReason = z.infer<typeof AgreementReason>;

const Share = z.number().min(0).max(1);

export const AgreementFigures = z
  .object({
    level: z.enum(['nominal', 'ordinal', 'interval']),
    /** Calls with answers of two or more evaluators (the units alpha pairs). */
    units: z.number().int(),
    alpha: z.number().nullable(),
    alphaReason: AgreementReason.nullable(),
    /** 95% unit-bootstrap interval of alpha (seeded by the session, so it does not change between reads). */
    interval: z.object({ low: z.number(), high: z.number() }).nullable(),
    intervalReason: AgreementReason.nullable(),
    band: z.enum(['reliable', 'tentative', 'unreliable']).nullable(),
    percentAgreement: Share.nullable(),
    kappa: z.number().nullable(),
    kappaReason: AgreementReason.nullable(),
    kappaBand: z.enum(['poor', 'slight', 'fair', 'moderate', 'substantial', 'almostPerfect']).nullable(),
    /** alpha below 0.667: do not rely on the item; reword it (or its guidance). */
    flagged: z.boolean()
  })
  .meta({ id: 'AgreementFigures' });
export type AgreementFigures = z.infer<typeof AgreementFigures>;

/** Signed deviation from the agreed answers: n compared, mean (positive = scores higher than agreed), mean absolute. */
export const DeviationFigures = z.object({ n: z.number().int(), mean: z.number(), meanAbs: z.number() }).meta({ id: 'DeviationFigures' });
export type DeviationFigures = z.infer<typeof DeviationFigures>;

export const EvaluatorDeviation = z
  .object({
    personId: z.number().int(),
    name: z.string(),
    /** Overall score % − the score of the agreed answers, over the calls with a complete set of agreed answers. */
    overall: DeviationFigures.nullable(),
    /** Per item and call: points % of the evaluator's answer − points % of the agreed answer. */
    items: DeviationFigures.nullable(),
    byItem: z.array(DeviationFigures.extend({ itemId: z.string() }))
  })
  .meta({ id: 'EvaluatorDeviation' });
export type EvaluatorDeviation = z.infer<typeof EvaluatorDeviation>;

export const AgreedAnswer = z
  .object({
    answer: AnswerValue.nullable(),
    basis: CalibrationConsensusBasis,
    note: z.string(),
    decidedBy: z.string(),
    decidedAt: z.string()
  })
  .meta({ id: 'CalibrationAgreedAnswer' });
export type AgreedAnswer = z.infer<typeof AgreedAnswer>;

export const CalibrationResults = z
  .object({
    session: z.object({
      id: z.number().int(),
      title: z.string(),
      programName: z.string(),
      facilitatorName: z.string(),
      revealedAt: z.string(),
      notes: z.string()
    }),
    /** The reader may record agreed answers and notes. */
    canRecordConsensus: z.boolean(),
    participants: z.array(z.object({ personId: z.number().int(), name: z.string() })),
    items: z.array(
      z.object({
        itemId: z.string(),
        sectionTitle: z.string(),
        text: z.string(),
        answer: AnswerType,
        naAllowed: z.boolean(),
        agreement: AgreementFigures
      })
    ),
    overall: AgreementFigures.extend({
      /** Mean over calls of (highest − lowest overall score %); null with fewer than 2 scores per call everywhere. */
      meanSpread: z.number().nullable()
    }),
    calls: z.array(
      z.object({
        callId: z.number().int(),
        agentName: z.string(),
        startedAt: z.string(),
        /** Each participant's overall score % (null: not submitted or nothing counted). */
        scores: z.array(z.object({ personId: z.number().int(), score: z.number().nullable() })),
        /** Highest − lowest overall score %; null with fewer than 2 scores. */
        spread: z.number().nullable(),
        /** The score of the agreed answers (THE scoring formula), once every item has an agreed answer. */
        agreedScore: z.number().nullable(),
        items: z.array(
          z.object({
            itemId: z.string(),
            answers: z.array(z.object({ personId: z.number().int(), value: AnswerValue.nullable() })),
            /** The majority (yes/no, choice) or the median (scale) of the answers: a suggestion, not a decision. */
            suggestion: AnswerValue.nullable(),
            agreed: AgreedAnswer.nullable()
          })
        )
      })
    ),
    evaluators: z.array(EvaluatorDeviation)
  })
  .meta({ id: 'CalibrationResults' });
export type CalibrationResults = z.infer<typeof CalibrationResults>;

export const CONSENSUS_NOTE_MAX = 2000;

export const RecordConsensusInput = z
  .object({
    items: z
      .array(
        z.object({
          itemId: z.string().min(1).max(64),
          /** The agreed answer (as an evaluation's: 'yes'/'no', a scale number, an option key, 'na'); null: none agreed. */
          answer: z.union([z.number().finite(), z.string().min(1).max(64), z.null()]),
          basis: CalibrationConsensusBasis,
          note: plainText({ max: CONSENSUS_NOTE_MAX, multiline: true }).default('')
        })
      )
      .min(1, 'give at least one item')
      .max(200)
  })
  .meta({ id: 'RecordConsensusInput' });
export type RecordConsensusInput = z.infer<typeof RecordConsensusInput>;

export const SESSION_NOTES_MAX = 10_000;
export const SessionNotesInput = z
  .object({ notes: plainText({ max: SESSION_NOTES_MAX, multiline: true }) })
  .meta({ id: 'CalibrationSessionNotesInput' });
export type SessionNotesInput = z.infer<typeof SessionNotesInput>;

export const DRIFT_WORDS = ['up', 'down', 'steady'] as const;

export const EvaluatorDrift = z
  .object({
    from: z.string(),
    to: z.string(),
    /** Managers see every evaluator; anyone else only itself. */
    scope: z.enum(['all', 'self']),
    evaluators: z.array(
      z.object({
        personId: z.number().int(),
        name: z.string(),
        /** Oldest → newest. */
        sessions: z.array(
          z.object({
            sessionId: z.number().int(),
            title: z.string(),
            revealedAt: z.string(),
            /** Item answers compared with an agreed answer. */
            itemsCompared: z.number().int(),
            items: DeviationFigures.nullable(),
            overall: DeviationFigures.nullable()
          })
        ),
        /** Least-squares slope of the per-session mean item deviation (points per session); null with < 3 sessions. */
        slope: z.number().nullable(),
        drift: z.enum(DRIFT_WORDS).nullable(),
        /** The items with the largest mean absolute deviation (at most 3). */
        topItems: z.array(DeviationFigures.extend({ itemId: z.string(), text: z.string() }))
      })
    )
  })
  .meta({ id: 'EvaluatorDrift' });
export type EvaluatorDrift = z.infer<typeof EvaluatorDrift>;

export const EvaluatorDriftQuery = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .meta({ id: 'EvaluatorDriftQuery' });
export type EvaluatorDriftQuery = z.infer<typeof EvaluatorDriftQuery>;
