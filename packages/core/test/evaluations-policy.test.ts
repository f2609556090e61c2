import { describe, expect, it } from 'vitest';
import {
  canChangeEvaluation,
  canEvaluate,
  canReadEvaluation,
  evaluationVisibility,
  type EvaluationScope
} from '../src/policy/evaluations.ts';
import type { Principal } from '../src/policy/principal.ts';
import { canReadCall } from '../src/policy/calls.ts';

const scope = { tenantId: 1, programId: 10, clientId: 100, agentId: 1000, agentTeamId: 7 } satisfies EvaluationScope;
const who = (grants: Principal['grants'], extra: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  tenantId: 1,
  label: 'user:x',
  grants,
  personId: 5,
  ...extra
});
const draft = { status: 'draft' as const, kind: 'sampled' as const, evaluatorId: 5, evaluatorLabel: 'user:x' };
const submitted = { ...draft, status: 'submitted' as const };

describe('evaluation policy', () => {
  it('QA analysts and admins evaluate anywhere in their tenant, never in another', () => {
    expect(canEvaluate(who([{ role: 'qa_analyst' }]), scope)).toBe(true);
    expect(canEvaluate(who([{ role: 'admin' }]), scope)).toBe(true);
    expect(canEvaluate(who([{ role: 'admin' }], { tenantId: 2 }), scope)).toBe(false);
  });

  it('team leads evaluate the agents of their own teams only', () => {
    expect(canEvaluate(who([{ role: 'team_lead', teamId: 7 }]), scope)).toBe(true);
    expect(canEvaluate(who([{ role: 'team_lead', teamId: 8 }]), scope)).toBe(false);
    expect(canEvaluate(who([{ role: 'team_lead', teamId: 7 }]), { ...scope, agentTeamId: null })).toBe(false);
  });

  it('a team lead evaluates and reads a call of another team that a sample assigned to it — only that call', () => {
    const lead = who([{ role: 'team_lead', teamId: 8 }], { personId: 5 });
    const assigned = { ...scope, assignedTo: [5] };
    expect(canEvaluate(lead, assigned)).toBe(true);
    expect(canReadCall(lead, assigned)).toBe(true);
    expect(canEvaluate(lead, scope)).toBe(false);
    expect(canReadCall(lead, scope)).toBe(false);
    expect(canEvaluate(lead, { ...scope, assignedTo: [6] })).toBe(false);
    // The assignment counts only while the person leads a team, and never for tokens or agents.
    expect(canEvaluate(who([{ role: 'agent' }], { personId: 5 }), assigned)).toBe(false);
    expect(canReadCall(who([{ role: 'agent' }], { personId: 5 }), assigned)).toBe(false);
    expect(canEvaluate(who([{ role: 'team_lead', teamId: 8 }], { personId: 5, kind: 'token' }), assigned)).toBe(false);
    expect(canEvaluate(who([{ role: 'team_lead', teamId: 8 }], { personId: 5, tenantId: 2 }), assigned)).toBe(false);
  });

  it('agents, client auditors and API tokens never evaluate', () => {
    expect(canEvaluate(who([{ role: 'agent' }], { personId: 1000 }), scope)).toBe(false);
    expect(canEvaluate(who([{ role: 'client_auditor', clientId: 100 }]), scope)).toBe(false);
    expect(canEvaluate(who([{ role: 'admin' }], { kind: 'token' }), scope)).toBe(false);
  });

  it('a draft is changed only by its evaluator (or an admin); a submitted one by any evaluator of the agent', () => {
    const otherQa = who([{ role: 'qa_analyst' }], { personId: 6 });
    expect(canChangeEvaluation(who([{ role: 'qa_analyst' }]), scope, draft)).toBe(true);
    expect(canChangeEvaluation(otherQa, scope, draft)).toBe(false);
    expect(canChangeEvaluation(otherQa, scope, submitted)).toBe(true);
    expect(canChangeEvaluation(who([{ role: 'admin' }], { personId: 9 }), scope, draft)).toBe(true);
    expect(canChangeEvaluation(who([{ role: 'team_lead', teamId: 8 }]), scope, submitted)).toBe(false);
  });

  it('agents read their own submitted evaluations; client auditors their clients’ submitted ones; drafts stay private', () => {
    const agent = who([{ role: 'agent' }], { personId: 1000 });
    expect(canReadEvaluation(agent, scope, submitted)).toBe(true);
    expect(canReadEvaluation(agent, scope, draft)).toBe(false);
    expect(canReadEvaluation(who([{ role: 'agent' }], { personId: 1001 }), scope, submitted)).toBe(false);
    const auditor = who([{ role: 'client_auditor', clientId: 100 }]);
    expect(canReadEvaluation(auditor, scope, submitted)).toBe(true);
    expect(canReadEvaluation(auditor, scope, draft)).toBe(false);
    expect(canReadEvaluation(who([{ role: 'client_auditor', clientId: 101 }]), scope, submitted)).toBe(false);
  });

  it('never shows an agent’s self-evaluation to the client (coaching data), but to the agent and its evaluators', () => {
    const self = { ...submitted, kind: 'self' as const };
    expect(canReadEvaluation(who([{ role: 'client_auditor', clientId: 100 }]), scope, self)).toBe(false);
    expect(canReadEvaluation(who([{ role: 'client_auditor', clientId: 100 }], { kind: 'token' }), scope, self)).toBe(false);
    expect(canReadEvaluation(who([{ role: 'agent' }], { personId: 1000 }), scope, self)).toBe(true);
    expect(canReadEvaluation(who([{ role: 'team_lead', teamId: 7 }]), scope, self)).toBe(true);
    expect(evaluationVisibility(who([{ role: 'client_auditor', clientId: 100 }]))).toMatchObject({
      clientKinds: expect.not.arrayContaining(['self'])
    });
  });

  it('describes list visibility consistently with the read rule', () => {
    expect(evaluationVisibility(who([{ role: 'qa_analyst' }]))).toEqual({ all: true });
    expect(
      evaluationVisibility(
        who([
          { role: 'team_lead', teamId: 7 },
          { role: 'client_auditor', clientId: 100 }
        ])
      )
    ).toEqual({
      all: false,
      teamIds: [7],
      submittedClientIds: [100],
      clientKinds: ['sampled', 'live', 'mystery', 'client_rescore', 'second_opinion'],
      submittedAgentIds: [],
      agentKinds: expect.any(Array),
      assignedToPersonId: 5
    });
    expect(evaluationVisibility(who([{ role: 'admin' }], { kind: 'token' }))).toEqual({
      all: false,
      teamIds: [],
      submittedClientIds: [],
      clientKinds: expect.any(Array),
      submittedAgentIds: [],
      agentKinds: expect.any(Array),
      assignedToPersonId: null
    });
  });
});
