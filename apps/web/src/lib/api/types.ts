import type { InferResponseType } from 'hono/client';
import type { Client, Precise } from './client';
import type { Definition as PlanDefinition } from '$lib/sampling/types';

/**
 * Names for the API's answers the screens pass around, all derived from the typed client: the API's
 * route schemas are the only declaration (rename a field there and the web's type-check fails here or
 * where it is read). Nothing in this file is written by hand.
 */
type Api = Client['api'];
type Ok<F> = Precise<InferResponseType<F, 200>>;
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
/** The plan definition is a loose record in the document; the editor's model stands in until it is declared. */
type WithPlan<T> = Omit<T, 'draft'> & { draft: PlanDefinition };
export type PlanListItem = WithPlan<Item<Ok<Api['sampling']['plans']['$get']>>>;
type RawPlan = Ok<Api['sampling']['plans'][':id']['$get']>;
export type PlanDetail = WithPlan<Omit<RawPlan, 'versions'>> & {
  versions: (Omit<RawPlan['versions'][number], 'definition'> & { definition: PlanDefinition })[];
};
export type RunListItem = Item<Ok<Api['sampling']['runs']['$get']>>;
type RawRun = Ok<Api['sampling']['runs'][':id']['$get']>;
export type RunDetail = Omit<RawRun, 'definition'> & { definition: PlanDefinition };
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
