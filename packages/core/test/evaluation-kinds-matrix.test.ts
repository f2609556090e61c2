import { describe, expect, it } from 'vitest';
import { EVALUATION_KINDS, type EvaluationKind } from '@attentive/db/schema/evaluations';
import {
  canChangeEvaluation,
  canDisputeEvaluation,
  canReadEvaluation,
  evaluationVisibility,
  isSealedFrom,
  type EvaluationFacts,
  type EvaluationScope
} from '../src/policy/evaluations.ts';
import type { Principal } from '../src/policy/principal.ts';
import { COUNTING_KINDS, KIND_TRAITS, SAMPLE_KINDS, acknowledgeable } from '../src/evaluations/kinds.ts';
import { AggregateScoresInput } from '../src/evaluations/aggregate-scores.ts';

/**
 * Every kind × role × action, against the rules as they stood before the kinds table (issue 10) plus the
 * sealing rule (issue 11): an agent's self-evaluation draft is its own until submitted — no lead, QA or
 * admin reads or changes it. The call belongs to agent 1000 of team 7, client 100; evaluations other than
 * self-evaluations are made by evaluator 50 (a lead of team 7); a self-evaluation by the agent itself.
 */
const scope: EvaluationScope = { tenantId: 1, programId: 10, clientId: 100, agentId: 1000, agentTeamId: 7, assignedTo: [60] };
const user = (personId: number, grants: Principal['grants']): Principal => ({
  kind: 'user',
  tenantId: 1,
  label: `user:${personId}`,
  personId,
  grants
});
const token = (grant: Principal['grants'][number]): Principal => ({ kind: 'token', tenantId: 1, label: 'token:1', grants: [grant] });

const PRINCIPALS = {
  admin: user(1, [{ role: 'admin' }]),
  qa: user(2, [{ role: 'qa_analyst' }]),
  leadOwnTeam: user(3, [{ role: 'team_lead', teamId: 7 }]),
  leadOtherTeam: user(4, [{ role: 'team_lead', teamId: 8 }]),
  leadAssignedBySample: user(60, [{ role: 'team_lead', teamId: 8 }]),
  agentOwn: user(1000, [{ role: 'agent' }]),
  agentOther: user(1001, [{ role: 'agent' }]),
  auditorOwnClient: user(5, [{ role: 'client_auditor', clientId: 100 }]),
  auditorOtherClient: user(6, [{ role: 'client_auditor', clientId: 101 }]),
  tokenProgram: token({ role: 'integration', programId: 10 }),
  tokenClient: token({ role: 'integration', clientId: 100 }),
  adminOtherTenant: { ...user(1, [{ role: 'admin' }]), tenantId: 2 }
} satisfies Record<string, Principal>;
type Who = keyof typeof PRINCIPALS;

const facts = (kind: EvaluationKind, status: 'draft' | 'submitted'): EvaluationFacts =>
  kind === 'self'
    ? { kind, status, evaluatorId: 1000, evaluatorLabel: 'agent:A' }
    : { kind, status, evaluatorId: 50, evaluatorLabel: 'user:50' };

const ALL = [...EVALUATION_KINDS];
const NOT_SELF = ALL.filter((k) => k !== 'self');
// A calibration score is sealed from all but its author in every generic read (issue 15): the revealed session shows it.
const NOT_CALIBRATION = ALL.filter((k) => k !== 'calibration');
const NEITHER = NOT_SELF.filter((k) => k !== 'calibration');
// A client's blind re-score (issue 17): sealed while a draft, changed only through the re-score verbs, never the agent's.
const NOT_RESCORE = (kinds: EvaluationKind[]) => kinds.filter((k) => k !== 'client_rescore');
const NONE: EvaluationKind[] = [];
const COUNTING: EvaluationKind[] = ['sampled', 'live', 'mystery'];

type Actions = {
  readDraft: EvaluationKind[];
  readSubmitted: EvaluationKind[];
  changeDraft: EvaluationKind[];
  changeSubmitted: EvaluationKind[];
  dispute: EvaluationKind[];
};
const nothing: Actions = { readDraft: NONE, readSubmitted: NONE, changeDraft: NONE, changeSubmitted: NONE, dispute: NONE };
// An evaluator of the agent: reads everything but a sealed draft; changes submitted ones, and drafts only its own (admins: any).
const evaluator: Actions = {
  readDraft: NOT_RESCORE(NEITHER),
  readSubmitted: NOT_CALIBRATION,
  changeDraft: NONE,
  changeSubmitted: NOT_RESCORE(NOT_CALIBRATION),
  dispute: NONE
};

const EXPECTED: Record<Who, Actions> = {
  admin: { ...evaluator, changeDraft: NOT_RESCORE(NEITHER) },
  qa: evaluator,
  leadOwnTeam: evaluator,
  leadOtherTeam: nothing,
  leadAssignedBySample: evaluator,
  agentOwn: { ...nothing, readSubmitted: NOT_RESCORE(NOT_CALIBRATION), dispute: COUNTING },
  agentOther: nothing,
  auditorOwnClient: { ...nothing, readSubmitted: NEITHER },
  auditorOtherClient: nothing,
  tokenProgram: nothing,
  tokenClient: nothing,
  adminOtherTenant: nothing
};

describe('evaluation kinds × roles × actions', () => {
  const whos = Object.keys(PRINCIPALS) as Who[];
  for (const who of whos) {
    for (const kind of EVALUATION_KINDS) {
      it(`${who} · ${kind}`, () => {
        const p = PRINCIPALS[who];
        const x = EXPECTED[who];
        expect({
          readDraft: canReadEvaluation(p, scope, facts(kind, 'draft')),
          readSubmitted: canReadEvaluation(p, scope, facts(kind, 'submitted')),
          changeDraft: canChangeEvaluation(p, scope, facts(kind, 'draft')),
          changeSubmitted: canChangeEvaluation(p, scope, facts(kind, 'submitted')),
          dispute: canDisputeEvaluation(p, scope, facts(kind, 'submitted'))
        }).toEqual({
          readDraft: x.readDraft.includes(kind),
          readSubmitted: x.readSubmitted.includes(kind),
          changeDraft: x.changeDraft.includes(kind),
          changeSubmitted: x.changeSubmitted.includes(kind),
          dispute: x.dispute.includes(kind)
        });
      });
    }
  }

  it('the author of a calibration score reads it, but changes it only through the calibration verbs', () => {
    for (const status of ['draft', 'submitted'] as const) {
      const mine = { ...facts('calibration', status), evaluatorId: 2 };
      expect(canReadEvaluation(PRINCIPALS.qa, scope, mine)).toBe(true);
      expect(canChangeEvaluation(PRINCIPALS.qa, scope, mine)).toBe(false);
      expect(canChangeEvaluation(PRINCIPALS.admin, scope, mine)).toBe(false);
    }
  });

  it('an evaluator reads and changes its own draft of any unsealed kind', () => {
    for (const kind of NOT_RESCORE(NEITHER)) {
      const mine = { ...facts(kind, 'draft'), evaluatorId: 2 };
      expect(canReadEvaluation(PRINCIPALS.qa, scope, mine)).toBe(true);
      expect(canChangeEvaluation(PRINCIPALS.qa, scope, mine)).toBe(true);
    }
  });

  it('counts, fulfils samples and acknowledges by kind, whoever asks', () => {
    expect(COUNTING_KINDS).toEqual(COUNTING);
    // A mystery call counts but fulfils no sample (it is planned by its own instrument).
    expect(SAMPLE_KINDS).toEqual(['sampled', 'live']);
    expect(AggregateScoresInput.parse({}).kinds).toEqual(COUNTING);
    expect(EVALUATION_KINDS.filter(acknowledgeable)).toEqual(NOT_SELF);
    expect(COUNTING_KINDS).not.toContain('calibration');
  });

  it('the list description agrees with the read rule on kinds', () => {
    const auditor = evaluationVisibility(PRINCIPALS.auditorOwnClient);
    expect(auditor.all === false && auditor.clientKinds).toEqual(NEITHER);
    const agent = evaluationVisibility(PRINCIPALS.agentOwn);
    expect(agent.all === false && agent.agentKinds).toEqual(NOT_RESCORE(NOT_CALIBRATION));
  });
});

describe('the sealing rule', () => {
  it('hides a sealed draft from everyone but its author, before any role shortcut, until it is submitted', () => {
    const draft = facts('self', 'draft');
    for (const who of Object.keys(PRINCIPALS) as Who[]) expect(isSealedFrom(PRINCIPALS[who], draft), who).toBe(who !== 'agentOwn');
    for (const who of Object.keys(PRINCIPALS) as Who[]) expect(isSealedFrom(PRINCIPALS[who], facts('self', 'submitted')), who).toBe(false);
  });

  it('seals only the kinds the table marks blind', () => {
    expect(EVALUATION_KINDS.filter((k) => KIND_TRAITS[k].sealed != null)).toEqual(['calibration', 'self', 'client_rescore']);
    // A calibration score: sealed from everyone but its author in every status (generic reads).
    for (const who of Object.keys(PRINCIPALS) as Who[])
      for (const status of ['draft', 'submitted'] as const)
        expect(isSealedFrom(PRINCIPALS[who], facts('calibration', status)), who).toBe(true);
    for (const kind of NOT_RESCORE(NEITHER)) expect(isSealedFrom(PRINCIPALS.admin, facts(kind, 'draft'))).toBe(false);
  });
});
