import type { Expectations } from './types.ts';
import { accountsExpectations } from './accounts.ts';
import { evaluationsExpectations } from './evaluations.ts';
import { samplingExpectations } from './sampling.ts';
import { coachingExpectations } from './coaching.ts';
import { scorecardsExpectations } from './scorecards.ts';
import { callsImportExpectations } from './calls-import.ts';
import { callsExpectations } from './calls.ts';
import { settingsExpectations } from './settings.ts';
import { mysteryScenariosExpectations } from './mystery-scenarios.ts';
import { mysteryPlansExpectations } from './mystery-plans.ts';
import { mysteryAssignmentsExpectations } from './mystery-assignments.ts';
import { mysteryReachabilityExpectations } from './mystery-reachability.ts';
import { surveysTemplatesExpectations } from './surveys-templates.ts';
import { surveysListsExpectations } from './surveys-lists.ts';
import { surveysQueueExpectations } from './surveys-queue.ts';
import { surveysLinksExpectations } from './surveys-links.ts';
import { surveysResultsExpectations } from './surveys-results.ts';
import { calibrationSessionsExpectations } from './calibration-sessions.ts';
import { calibrationScoringExpectations } from './calibration-scoring.ts';
import { calibrationResultsExpectations } from './calibration-results.ts';
import { clientContractsExpectations } from './client-contracts.ts';
import { clientReportsExpectations } from './client-reports.ts';
import { clientPortalExpectations } from './client-portal.ts';
import { clientRescoresExpectations } from './client-rescores.ts';

/**
 * The authorization matrix: one entry per API operation ("METHOD /openapi/path"), with the expected
 * status for every caller on an own and a foreign resource. test/authz-matrix.test.ts fails for any
 * operation of the OpenAPI document without an entry here, and for any entry without an operation.
 *
 * To add your routes: write apps/api/test/authz/<area>.ts exporting an `Expectations` object
 * (see accounts.ts and types.ts: only(), adminOnly(), noForeignIds()) and spread it below.
 */
export const EXPECTATIONS: Expectations = {
  ...accountsExpectations,
  ...evaluationsExpectations,
  ...samplingExpectations,
  ...scorecardsExpectations,
  ...coachingExpectations,
  ...callsImportExpectations,
  ...callsExpectations,
  ...settingsExpectations,
  ...mysteryScenariosExpectations,
  ...mysteryPlansExpectations,
  ...mysteryAssignmentsExpectations,
  ...mysteryReachabilityExpectations,
  ...surveysTemplatesExpectations,
  ...surveysListsExpectations,
  ...surveysQueueExpectations,
  ...surveysLinksExpectations,
  ...surveysResultsExpectations,
  ...calibrationSessionsExpectations,
  ...calibrationScoringExpectations,
  ...calibrationResultsExpectations,
  ...clientContractsExpectations,
  ...clientReportsExpectations,
  ...clientPortalExpectations,
  ...clientRescoresExpectations
};
