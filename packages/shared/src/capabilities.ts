/**
 * What a signed-in person may do, as the screens need to know it (GET /api/me `can`). Computed by one
 * pure function, `capabilitiesOf` in packages/core/src/policy/capabilities.ts; the web's navigation and
 * page guards read it instead of repeating role lists. The API still checks every request on its own.
 */
export const CAPABILITIES = [
  /** Score calls and work a queue of sampled calls (/work, /evaluate). */
  'evaluate',
  /** List and open calls (/calls). */
  'readCalls',
  /** List evaluations and their figures (/evaluations). */
  'readEvaluations',
  /** Create, edit and publish scorecards (/scorecards). */
  'manageScorecards',
  /** Import call records (/calls/import). */
  'importCalls',
  /** Run the set-up: people, teams, clients, programs, roles, tokens (/admin). */
  'administer',
  /** See one's own results as an agent: evaluations, disputes, sessions (/me). */
  'readOwnResults',
  /** Coach agents: the coaching queue, disputes, sessions, self-evaluation requests (/coaching). */
  'coach',
  /** Read and verify sample runs (/sampling, /sampling/runs/{id}). */
  'readSampling',
  /** Plan, run and assign samples (/sampling/plans). */
  'manageSampling',
  /** The client's audit of its programs: figures, trend, drill-down, sample verification, contract reports (/client). */
  'readClientPortal',
  /** Enter and end programs' contract terms: targets, bonus and malus (/client/contracts). */
  'manageContracts',
  /** Request and score blind re-scores of the contact center's evaluations, as the client (/client/rescores). */
  'rescore',
  /** Keep the mystery-call scenario library, plan months, assign shoppers, match calls to agents (/mystery). */
  'manageMystery',
  /** Work one's own mystery-call assignments as a shopper (/mystery). */
  'shopMystery',
  /** Read reachability and scenario results of mystery calls (/mystery/reachability). */
  'readReachability',
  /** Keep survey templates and callback plans, draw callback lists, send survey links (/surveys). */
  'manageSurveys',
  /** Work the callback queue as a survey caller (/surveys/queue). */
  'callSurveys',
  /** Read callback-survey results: CSAT, FCR, CES, NPS, response rates (/surveys/results). */
  'readSurveyResults',
  /** See and handle low-score alerts for service recovery (/surveys/alerts). */
  'handleSurveyAlerts',
  /** Make calibration sessions, reveal them, record the agreed answers, read every evaluator's deviation (/calibration). */
  'manageCalibration',
  /** Take part in calibration sessions: score blind, read revealed sessions and one's own deviation (/calibration). */
  'calibrate'
] as const;
export type Capability = (typeof CAPABILITIES)[number];
export type Capabilities = Record<Capability, boolean>;
