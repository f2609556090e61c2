import { describe, expect, it } from 'vitest';
import { canManageScorecards, canReadScorecard, canReadScorecardDrafts, type Principal } from '../src/index.ts';

const p = (grants: Principal['grants'], kind: Principal['kind'] = 'user'): Principal => ({
  kind,
  tenantId: 1,
  label: 'test',
  personId: 9,
  grants
});
const programCard = { tenantId: 1, programId: 10, clientId: 100 };
const defaultCard = { tenantId: 1, programId: null, clientId: null };

describe('scorecard policy', () => {
  it('admins and QA analysts manage and read drafts; nobody else does', () => {
    for (const role of ['admin', 'qa_analyst'] as const) {
      expect(canManageScorecards(p([{ role }]))).toBe(true);
      expect(canReadScorecardDrafts(p([{ role }]))).toBe(true);
    }
    for (const g of [
      { role: 'team_lead', teamId: 1 },
      { role: 'agent' },
      { role: 'client_auditor', clientId: 100 },
      { role: 'mystery_shopper' }
    ] as const) {
      expect(canManageScorecards(p([g]))).toBe(false);
      expect(canReadScorecardDrafts(p([g]))).toBe(false);
    }
    expect(canManageScorecards(p([{ role: 'admin' }], 'token'))).toBe(false);
  });
  it('team leads read every scorecard of their tenant', () => {
    expect(canReadScorecard(p([{ role: 'team_lead', teamId: 1 }]), programCard)).toBe(true);
    expect(canReadScorecard(p([{ role: 'team_lead', teamId: 1 }]), { ...programCard, tenantId: 2 })).toBe(false);
  });
  it('agents read the scorecards of the programs they work for, and the shared default', () => {
    const agent = p([{ role: 'agent' }]);
    expect(canReadScorecard(agent, programCard, [10])).toBe(true);
    expect(canReadScorecard(agent, programCard, [11])).toBe(false);
    expect(canReadScorecard(agent, defaultCard, [])).toBe(true);
  });
  it("client auditors read their clients' programs' scorecards and the shared default, not others", () => {
    const auditor = p([{ role: 'client_auditor', clientId: 100 }]);
    expect(canReadScorecard(auditor, programCard)).toBe(true);
    expect(canReadScorecard(auditor, { ...programCard, clientId: 200 })).toBe(false);
    expect(canReadScorecard(auditor, defaultCard)).toBe(true);
  });
  it('roles without a part in scoring, and API tokens, read nothing', () => {
    expect(canReadScorecard(p([{ role: 'mystery_shopper' }]), defaultCard)).toBe(false);
    expect(canReadScorecard(p([{ role: 'integration', programId: 10 }], 'token'), programCard)).toBe(false);
  });
});
