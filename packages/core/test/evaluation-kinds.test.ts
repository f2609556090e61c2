import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { EVALUATION_KINDS } from '@attentive/db/schema/evaluations';
import {
  AGENT_VISIBLE_KINDS,
  CLIENT_VISIBLE_KINDS,
  COUNTING_KINDS,
  KIND_TRAITS,
  SEALED_WHILE_DRAFT_KINDS
} from '../src/evaluations/kinds.ts';
import { canChangeEvaluation, canDisputeEvaluation, canReadEvaluation, sealedForClientRescore } from '../src/policy/evaluations.ts';
import type { Principal } from '../src/policy/principal.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('the table of evaluation kinds', () => {
  it('has one row per kind the database stores', () => {
    expect(Object.keys(KIND_TRAITS).sort()).toEqual([...EVALUATION_KINDS].sort());
  });

  it('never counts or shows a self-evaluation to the client', () => {
    expect(COUNTING_KINDS).not.toContain('self');
    expect(CLIENT_VISIBLE_KINDS).not.toContain('self');
    expect(COUNTING_KINDS).toEqual(['sampled', 'live', 'mystery']);
  });

  it('agrees with the database index that keeps one counting evaluation per call', async () => {
    const [row] = (await t.db.$client.execute("select sql from sqlite_master where name = 'evaluations_one_counting_per_call'")).rows;
    const inList = /kind in \(([^)]*)\)/.exec(String(row!.sql))![1]!;
    expect(inList.split(',').map((k) => k.trim().replace(/'/g, ''))).toEqual(COUNTING_KINDS);
  });
});

describe("the client's blind re-score (kind client_rescore and the re-score seal)", () => {
  const scope = { tenantId: 1, programId: 10, clientId: 100, agentId: 1000, agentTeamId: 7 };
  const who = (grants: Principal['grants'], personId = 5): Principal => ({
    kind: 'user',
    tenantId: 1,
    label: `user:${personId}`,
    grants,
    personId
  });
  const auditor = who([{ role: 'client_auditor', clientId: 100 }], 5);
  const otherAuditor = who([{ role: 'client_auditor', clientId: 100 }], 6);
  const agent = who([{ role: 'agent' }], 1000);
  const qa = who([{ role: 'qa_analyst' }], 8);
  const lead = who([{ role: 'team_lead', teamId: 7 }], 9);
  const byAuditor = (status: 'draft' | 'submitted') => ({
    status,
    kind: 'client_rescore' as const,
    evaluatorId: 5,
    evaluatorLabel: 'user:5'
  });
  const contactCenter = { status: 'submitted' as const, kind: 'sampled' as const, evaluatorId: 8, evaluatorLabel: 'user:8' };

  it('never counts, is never the agent’s to read or dispute, is sealed while a draft and changes only through its own verbs', () => {
    expect(KIND_TRAITS.client_rescore).toMatchObject({
      countsTowardAgent: false,
      visibleToAgent: false,
      disputable: false,
      fulfilsSample: false,
      sealed: 'untilSubmitted',
      ownVerbs: true
    });
    expect(AGENT_VISIBLE_KINDS).not.toContain('client_rescore');
    expect(SEALED_WHILE_DRAFT_KINDS).toContain('client_rescore');
    expect(canReadEvaluation(agent, scope, byAuditor('submitted'))).toBe(false);
    expect(canDisputeEvaluation(agent, scope, byAuditor('submitted'))).toBe(false);
    // The draft is its author's alone: not another auditor's of the client, not QA's. (Its author reads it on the
    // re-score's scoring screen; generic reads show a client auditor submitted evaluations only.)
    expect(canReadEvaluation(otherAuditor, scope, byAuditor('draft'))).toBe(false);
    expect(canReadEvaluation(qa, scope, byAuditor('draft'))).toBe(false);
    // Submitted: the contact center sees the outcome, and the client's other auditors.
    expect(canReadEvaluation(qa, scope, byAuditor('submitted'))).toBe(true);
    expect(canReadEvaluation(otherAuditor, scope, byAuditor('submitted'))).toBe(true);
    // The generic verbs never change it (not even an admin): the re-score verbs keep the item in step.
    expect(canChangeEvaluation(who([{ role: 'admin' }], 3), scope, byAuditor('submitted'))).toBe(false);
  });

  it('hides every evaluation of a call with an unscored item from that client’s auditors, except their own, and nobody else', () => {
    const sealed = { ...scope, rescoreSealedFor: [100] };
    expect(canReadEvaluation(auditor, scope, contactCenter)).toBe(true);
    expect(canReadEvaluation(auditor, sealed, contactCenter)).toBe(false);
    expect(sealedForClientRescore(auditor, sealed, contactCenter)).toBe(true);
    expect(sealedForClientRescore(auditor, sealed, byAuditor('draft'))).toBe(false);
    expect(sealedForClientRescore(otherAuditor, sealed, byAuditor('submitted'))).toBe(true);
    // An auditor who is also a team lead of the agent's team is still the client's auditor: sealed.
    expect(
      canReadEvaluation(
        who(
          [
            { role: 'client_auditor', clientId: 100 },
            { role: 'team_lead', teamId: 7 }
          ],
          11
        ),
        sealed,
        contactCenter
      )
    ).toBe(false);
    // The contact center's staff and the agent are not affected; another client's re-score seals nothing here.
    expect(canReadEvaluation(qa, sealed, contactCenter)).toBe(true);
    expect(canReadEvaluation(lead, sealed, contactCenter)).toBe(true);
    expect(canReadEvaluation(agent, sealed, contactCenter)).toBe(true);
    expect(canReadEvaluation(auditor, { ...scope, rescoreSealedFor: [101] }, contactCenter)).toBe(true);
  });
});
