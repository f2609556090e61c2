import { z } from 'zod';

/**
 * How an evaluation came about, and where it stands. Declared once for the database (its enum columns),
 * core and the API document. What each kind does (counts toward the agent? visible to the client?) is
 * one table in core.
 */
export const EVALUATION_KINDS = ['sampled', 'live', 'mystery', 'calibration', 'self', 'client_rescore', 'second_opinion'] as const;
export const EvaluationKind = z.enum(EVALUATION_KINDS).meta({ id: 'EvaluationKind' });
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_STATUSES = ['draft', 'submitted'] as const;
export const EvaluationStatus = z.enum(EVALUATION_STATUSES).meta({ id: 'EvaluationStatus' });
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const SELF_EVALUATION_STATUSES = ['open', 'submitted', 'cancelled'] as const;
export const SelfEvaluationStatus = z.enum(SELF_EVALUATION_STATUSES).meta({ id: 'SelfEvaluationStatus' });
export type SelfEvaluationStatus = (typeof SELF_EVALUATION_STATUSES)[number];

export const DISPUTE_STATUSES = ['open', 'accepted', 'partly_accepted', 'rejected'] as const;
export const DisputeStatus = z.enum(DISPUTE_STATUSES).meta({ id: 'DisputeStatus' });
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
