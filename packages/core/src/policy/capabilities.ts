import type { Capabilities, Role } from '@attentive/shared';
import { type Principal, clientIdsAudited, hasRole } from './principal.ts';
import { canAdminister } from './admin.ts';
import { canImportCalls } from './calls.ts';
import { canManageScorecards } from './scorecards.ts';
import { canManageSampling } from './sampling.ts';
import { canSeeCoachingQueue } from './coaching.ts';
import { canManageMystery, canReadReachability, isMysteryShopper } from './mystery.ts';
import { canCalibrate, canManageCalibration } from './calibration.ts';
import { canManageContracts, canReadClientPortal, canRescore } from './client-audit.ts';
import { canHandleSurveyAlerts, canManageSurveys, canReadSurveyResults, isSurveyCaller } from './surveys.ts';

const anyRole = (p: Principal, roles: Role[]) => p.kind !== 'token' && roles.some((r) => hasRole(p, r));

/**
 * What a principal may do, for the screens (GET /api/me `can`): the web's navigation and page guards read
 * it instead of role lists. Pure; built from the same rules the verbs check (each verb still checks its
 * own request, and scoped rules — which team, which client — stay with the verbs).
 */
export function capabilitiesOf(p: Principal): Capabilities {
  const user = p.kind !== 'token';
  return {
    evaluate: anyRole(p, ['admin', 'qa_analyst', 'team_lead']),
    readCalls:
      anyRole(p, ['admin', 'qa_analyst', 'team_lead', 'agent', 'client_auditor']) ||
      (!user && p.grants.some((g) => g.role === 'integration')),
    readEvaluations: anyRole(p, ['admin', 'qa_analyst', 'team_lead', 'agent', 'client_auditor']),
    manageScorecards: canManageScorecards(p),
    // A person imports on the import page as an admin; a token through the API as an integration.
    importCalls: user ? canAdminister(p) : p.grants.some((g) => g.role === 'integration') && canImportCalls(p),
    administer: canAdminister(p),
    readOwnResults: user && p.personId != null && hasRole(p, 'agent'),
    coach: canSeeCoachingQueue(p),
    readSampling: canManageSampling(p) || (user && clientIdsAudited(p).length > 0),
    manageSampling: canManageSampling(p),
    readClientPortal: canReadClientPortal(p),
    manageContracts: canManageContracts(p),
    rescore: canRescore(p),
    manageMystery: canManageMystery(p),
    shopMystery: isMysteryShopper(p),
    readReachability: canReadReachability(p),
    manageSurveys: canManageSurveys(p),
    callSurveys: isSurveyCaller(p),
    readSurveyResults: canReadSurveyResults(p),
    handleSurveyAlerts: canHandleSurveyAlerts(p),
    manageCalibration: canManageCalibration(p),
    calibrate: canCalibrate(p)
  };
}
