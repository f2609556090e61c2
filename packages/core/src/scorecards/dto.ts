import type { ScorecardRow, ScorecardVersionRow } from './load.ts';

/** What clients see of a scorecard version (the definition only where asked for). */
export function versionSummaryDto(v: ScorecardVersionRow) {
  return {
    id: v.id,
    scorecardId: v.scorecardId,
    version: v.version,
    status: v.status,
    note: v.note,
    revision: v.revision,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    updatedAt: v.updatedAt.toISOString(),
    publishedAt: v.publishedAt?.toISOString() ?? null,
    publishedBy: v.publishedBy ?? null,
    itemCount: v.definition.sections.reduce((n, s) => n + s.items.length, 0)
  };
}

export const versionDto = (v: ScorecardVersionRow) => ({ ...versionSummaryDto(v), definition: v.definition });

export function scorecardDto(s: ScorecardRow, programName: string | null) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    programId: s.programId,
    programName,
    isDefault: s.programId == null,
    purpose: s.purpose,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy
  };
}
