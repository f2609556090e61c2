import { type Principal, clientIdsAudited, hasRole } from './principal.ts';

/**
 * Who may do what with scorecards. One module, used by every scorecard verb and list.
 * - Admins and QA analysts manage scorecards: create, edit drafts, publish; they read drafts too.
 * - Team leads read every published version (they score on them).
 * - Agents read the published versions of the programs they take calls for; client auditors those of
 *   their clients' programs. Both also read the tenant's shared default, which scores every program
 *   without a scorecard of its own.
 * API tokens have no access to scorecards.
 */
export function canManageScorecards(p: Principal): boolean {
  return p.kind !== 'token' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'));
}

/** Where a scorecard belongs: its program (and that program's client), or null for the shared default. */
export type ScorecardScope = { tenantId: number; programId: number | null; clientId: number | null };

export type ScorecardVisibility =
  { all: true; drafts: boolean } | { all: false; drafts: false; programIds: number[]; clientIds: number[]; defaults: boolean };

/** `agentProgramIds`: the programs the principal (as agent) takes calls for, loaded by the caller. */
export function scorecardVisibility(p: Principal, agentProgramIds: number[] = []): ScorecardVisibility {
  if (canManageScorecards(p)) return { all: true, drafts: true };
  if (p.kind !== 'token' && hasRole(p, 'team_lead')) return { all: true, drafts: false };
  const clientIds = p.kind === 'token' ? [] : clientIdsAudited(p);
  const programIds = p.kind !== 'token' && hasRole(p, 'agent') ? agentProgramIds : [];
  return {
    all: false,
    drafts: false,
    programIds,
    clientIds,
    defaults: clientIds.length + programIds.length > 0 || (p.kind !== 'token' && hasRole(p, 'agent'))
  };
}

export function canReadScorecard(p: Principal, s: ScorecardScope, agentProgramIds: number[] = []): boolean {
  if (p.tenantId !== s.tenantId) return false;
  const v = scorecardVisibility(p, agentProgramIds);
  if (v.all) return true;
  if (s.programId == null) return v.defaults;
  return v.programIds.includes(s.programId) || (s.clientId != null && v.clientIds.includes(s.clientId));
}

/** Drafts are work in progress of the scorecard managers. */
export function canReadScorecardDrafts(p: Principal): boolean {
  return scorecardVisibility(p).drafts;
}
