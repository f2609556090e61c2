import { schema, type DbOrTx, type Tx } from '@attentive/db';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import type { Principal } from '../policy/principal.ts';
import { canManageScorecards } from '../policy/scorecards.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { versionDto } from './dto.ts';
import { draftOf, latestVersion, loadReadableScorecard, type ScorecardRow } from './load.ts';

/** Refuses anyone who may not edit scorecards, before anything else is looked at. */
export function assertManagesScorecards(p: Principal) {
  if (!canManageScorecards(p)) throw forbidden('Only admins and QA analysts manage scorecards');
}

/**
 * The way into a scorecard-editing verb: checks the principal manages scorecards (at once), then runs
 * `work` in one transaction on the scorecard, which must be readable (else NOT_FOUND).
 */
export function scorecardEditor(ctx: Ctx) {
  assertManagesScorecards(ctx.principal);
  return <T>(scorecardId: number, work: (tx: Tx, scorecard: ScorecardRow) => Promise<T>) =>
    ctx.db.transaction(async (tx) => work(tx, (await loadReadableScorecard(tx, ctx.principal, scorecardId)).scorecard));
}

/** The scorecard's draft, for a verb that needs one (`purpose`: what for); PRECONDITION_FAILED when there is none. */
export async function requireDraft(tx: DbOrTx, scorecard: ScorecardRow, purpose = '') {
  const draft = await draftOf(tx, scorecard.id);
  if (!draft) throw new DomainError('PRECONDITION_FAILED', `Scorecard "${scorecard.name}" has no draft${purpose}`);
  return draft;
}

/** Inserts a draft version; the caller knows the scorecard has no draft (one per scorecard, a unique index). */
export async function insertDraftVersion(
  tx: DbOrTx,
  p: Principal,
  now: Date,
  v: { scorecardId: number; version: number; definition: ScorecardDefinition; note?: string }
) {
  const [row] = await tx
    .insert(schema.scorecardVersions)
    .values({ tenantId: p.tenantId, ...v, note: v.note ?? '', status: 'draft', createdAt: now, createdBy: p.label, updatedAt: now })
    .returning();
  return row!;
}

/**
 * Opens the next version of a scorecard as a draft, with its audit row: the given content, else a copy of
 * the latest version (published versions are never changed, so editing starts from a copy).
 */
export async function createNextDraft(
  tx: DbOrTx,
  ctx: Ctx,
  scorecardId: number,
  now: Date,
  content: { definition?: ScorecardDefinition; note?: string } = {}
) {
  const latest = await latestVersion(tx, scorecardId);
  const definition = content.definition ?? latest?.definition ?? { sections: [] };
  const v = await insertDraftVersion(tx, ctx.principal, now, {
    scorecardId,
    version: (latest?.version ?? 0) + 1,
    definition,
    note: content.note
  });
  const after = { scorecardId, version: v.version, from: latest?.id ?? null };
  await writeAudit(tx, ctx, { action: 'scorecard.draft.create', objectType: 'scorecard_version', objectId: v.id, after }, now);
  return { created: true, draft: versionDto(v) };
}
