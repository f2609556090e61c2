import { describe, expect, it } from 'vitest';
import { CAPABILITIES, ROLES, type Capability, type Role } from '@attentive/shared';
import { capabilitiesOf } from '../src/policy/capabilities.ts';
import type { Grant, Principal } from '../src/policy/principal.ts';

/**
 * The role lists the web's page guards and navigation held before capabilities (issue 11): a signed-in
 * person may use a capability when it holds any of these roles.
 */
const GUARD_ROLES: Record<Capability, Role[]> = {
  evaluate: ['admin', 'qa_analyst', 'team_lead'], // /work guard, nav "Work"
  readCalls: ['admin', 'qa_analyst', 'team_lead', 'agent', 'client_auditor'], // nav "Calls"
  readEvaluations: ['admin', 'qa_analyst', 'team_lead', 'agent', 'client_auditor'], // nav "Evaluations"
  manageScorecards: ['admin', 'qa_analyst'], // nav "Scorecards"
  importCalls: ['admin'], // /calls/import guard
  administer: ['admin'], // /admin layout guard
  readOwnResults: ['agent'], // /me guard
  coach: ['admin', 'qa_analyst', 'team_lead'], // /coaching guard
  readSampling: ['admin', 'qa_analyst', 'client_auditor'], // /sampling and /sampling/runs/{id} guards
  manageSampling: ['admin', 'qa_analyst'], // /sampling/plans guards
  readClientPortal: ['admin', 'client_auditor'], // /client guard
  manageContracts: ['admin'], // /client/contracts: enter and end terms (issue 17)
  rescore: ['client_auditor'], // /client/rescores: the client's blind re-score (issue 17)
  manageMystery: ['admin', 'qa_analyst'], // /mystery scenarios and plans (issue 13)
  shopMystery: ['mystery_shopper'], // /mystery as a shopper's home
  readReachability: ['admin', 'qa_analyst', 'team_lead', 'client_auditor'], // /mystery/reachability
  manageSurveys: ['admin', 'qa_analyst'], // /surveys templates and callback plans (issue 14)
  callSurveys: ['survey_caller'], // /surveys/queue as a caller's home
  readSurveyResults: ['admin', 'qa_analyst', 'team_lead', 'client_auditor'], // /surveys/results
  handleSurveyAlerts: ['admin', 'qa_analyst', 'team_lead'], // /surveys/alerts
  manageCalibration: ['admin', 'qa_analyst'], // /calibration: make, reveal, agree (issue 15)
  calibrate: ['admin', 'qa_analyst', 'team_lead', 'client_auditor'] // /calibration as a participant
};

const grantOf = (role: Role): Grant =>
  role === 'team_lead'
    ? { role, teamId: 7 }
    : role === 'client_auditor'
      ? { role, clientId: 100 }
      : role === 'integration'
        ? { role, programId: 10 }
        : { role };

/** Every subset of the roles (2^8). */
const subsets: Role[][] = Array.from({ length: 1 << ROLES.length }, (_, mask) => ROLES.filter((_, i) => mask & (1 << i)));

describe('capabilitiesOf', () => {
  it('lists every capability the screens know', () => {
    const p: Principal = { kind: 'user', tenantId: 1, label: 'user:x', personId: 1, grants: [] };
    expect(Object.keys(capabilitiesOf(p)).sort()).toEqual([...CAPABILITIES].sort());
  });

  it(`a signed-in person: what the page guards allowed, for every combination of roles (${subsets.length})`, () => {
    for (const roles of subsets) {
      const p: Principal = { kind: 'user', tenantId: 1, label: 'user:x', personId: 1, grants: roles.map(grantOf) };
      const expected = Object.fromEntries(CAPABILITIES.map((c) => [c, GUARD_ROLES[c].some((r) => roles.includes(r))]));
      expect(capabilitiesOf(p), roles.join('+') || '(no role)').toEqual(expected);
    }
  });

  it('an API token: only what an integration may do (read and import its calls), whatever its grants', () => {
    for (const roles of subsets) {
      const p: Principal = { kind: 'token', tenantId: 1, label: 'token:1', grants: roles.map(grantOf) };
      const integration = roles.includes('integration');
      const expected = Object.fromEntries(CAPABILITIES.map((c) => [c, integration && (c === 'readCalls' || c === 'importCalls')]));
      expect(capabilitiesOf(p), roles.join('+') || '(no role)').toEqual(expected);
    }
  });
});
