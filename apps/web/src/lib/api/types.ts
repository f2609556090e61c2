import type { InferResponseType } from 'hono/client';
import type { Client } from './client';

/**
 * Names for the API's answers the screens pass around, all derived from the typed client: the API's
 * route schemas are the only declaration (rename a field there and the web's type-check fails here or
 * where it is read). Nothing in this file is written by hand.
 */
type Api = Client['api'];
type Ok<F> = InferResponseType<F, 200>;
type Item<T> = T extends { items: (infer I)[] } ? I : never;
/** An object schema's declared fields, without the `.passthrough()` index signature. */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

// calls
export type CallPage = Ok<Api['calls']['$get']>;
export type CallRow = Item<CallPage>;
export type CallFilters = Ok<Api['calls']['filters']['$get']>;
export type CallDetail = Ok<Api['calls'][':id']['$get']>;
export type ImportRun = Ok<Api['imports'][':id']['$get']>;

// evaluations
export type EvaluationDetail = Ok<Api['evaluations'][':id']['$get']>;
export type EvaluationContext = Ok<Api['calls'][':id']['evaluation-context']['$get']>;
export type EvaluationList = Ok<Api['evaluations']['$get']>;
export type Aggregates = Ok<Api['evaluations']['aggregates']['$get']>;

// coaching
export type AgentSummary = Ok<Api['me']['summary']['$get']>;
/** The API documents this answer as "every field of EvaluationDetail" plus the agent-side state (a passthrough schema). */
export type Feedback = Known<Ok<Api['coaching']['evaluations'][':id']['$get']>> &
  Omit<EvaluationDetail, 'evaluation'> & {
    evaluation: EvaluationDetail['evaluation'] & Known<Ok<Api['coaching']['evaluations'][':id']['$get']>['evaluation']>;
  };
export type Dispute = Ok<Api['coaching']['disputes'][':id']['$get']>;
export type CoachingQueue = Ok<Api['coaching']['queue']['$get']>;
export type SessionDetail = Ok<Api['coaching']['sessions'][':id']['$get']>;
/** Also passthrough: the call's transcript and facts come as in EvaluationDetail. */
export type SelfEvaluationView = Known<Ok<Api['coaching']['self-evaluations'][':id']['$get']>> &
  Pick<EvaluationDetail, 'transcript' | 'call'>;

// sampling
export type SamplingOptions = Ok<Api['sampling']['options']['$get']>;
export type PlanListItem = Item<Ok<Api['sampling']['plans']['$get']>>;
export type PlanDetail = Ok<Api['sampling']['plans'][':id']['$get']>;
export type RunListItem = Item<Ok<Api['sampling']['runs']['$get']>>;
export type RunDetail = Ok<Api['sampling']['runs'][':id']['$get']>;
export type Verification = Ok<Api['sampling']['runs'][':id']['verify']['$get']>;
export type WorkQueue = Ok<Api['sampling']['work']['$get']>;
export type PlanPreview = Ok<Api['sampling']['plans']['preview']['$post']>;

// scorecards
export type ScorecardDetail = Ok<Api['scorecards'][':id']['$get']>;
export type ScorecardVersion = Ok<Api['scorecards'][':id']['versions'][':version']['$get']>;
export type ScorePreview = Ok<Api['scorecards']['score-preview']['$post']>;

// me
export type Me = Ok<Api['me']['$get']>;
export type MyProgram = Item<Ok<Api['me']['programs']['$get']>>;
