import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Principal } from '../../policy/principal.ts';
import { canReadSurveyTemplates } from '../../policy/surveys.ts';
import { notFound } from '../../errors.ts';
import { templateDto, versionDto, type LoadedTemplate, type VersionRow } from './dto.ts';

/**
 * A template the principal may read, with its program. Foreign and unreadable ids are the same NOT_FOUND,
 * so ids cannot be probed.
 */
export async function loadReadableTemplate(tx: DbOrTx, p: Principal, templateId: number): Promise<LoadedTemplate> {
  const t = schema.surveyTemplates;
  const [row] = await tx
    .select({ template: t, programName: schema.programs.name, clientId: schema.programs.clientId })
    .from(t)
    .innerJoin(schema.programs, eq(schema.programs.id, t.programId))
    .where(and(eq(t.id, templateId), eq(t.tenantId, p.tenantId)))
    .limit(1);
  if (!row || !canReadSurveyTemplates(p)) throw notFound(`Survey template ${templateId}`);
  return row;
}

/** The versions of these templates, oldest first. */
export async function versionsOf(tx: DbOrTx, templateIds: number[]): Promise<VersionRow[]> {
  if (!templateIds.length) return [];
  const v = schema.surveyTemplateVersions;
  return tx.select().from(v).where(inArray(v.templateId, templateIds)).orderBy(asc(v.templateId), asc(v.version));
}

/** How many responses each of these versions has, by version id (absent: none). */
export async function responseCounts(tx: DbOrTx, versionIds: number[]): Promise<Map<number, number>> {
  if (!versionIds.length) return new Map();
  const r = schema.surveyResponses;
  const rows = await tx
    .select({ versionId: r.templateVersionId, n: count() })
    .from(r)
    .where(inArray(r.templateVersionId, versionIds))
    .groupBy(r.templateVersionId);
  return new Map(rows.map((x) => [x.versionId, Number(x.n)]));
}

/** Templates with their versions and response counts, as the API answers a list. */
export async function templateDtos(tx: DbOrTx, rows: LoadedTemplate[]) {
  const versions = await versionsOf(
    tx,
    rows.map((r) => r.template.id)
  );
  const responses = await responseCounts(
    tx,
    versions.map((v) => v.id)
  );
  return rows.map((r) => templateDto(r, versions, responses));
}

/** A loaded template with every version (oldest first), as the API answers one. */
export async function templateDetail(tx: DbOrTx, row: LoadedTemplate) {
  const versions = await versionsOf(tx, [row.template.id]);
  const responses = await responseCounts(
    tx,
    versions.map((v) => v.id)
  );
  return { template: templateDto(row, versions, responses), versions: versions.map((v) => versionDto(v, responses)) };
}

/**
 * The program's template in use (not retired), if any. One per program: a callback plan points at its
 * program's template, and a second one in use would leave open which one customers are asked.
 */
export async function activeTemplateOf(tx: DbOrTx, tenantId: number, programId: number, except?: number) {
  const t = schema.surveyTemplates;
  const rows = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.programId, programId), isNull(t.retiredAt)));
  const other = rows.find((r) => r.id !== except);
  if (!other) return null;
  const [latest] = await tx
    .select({ name: schema.surveyTemplateVersions.name })
    .from(schema.surveyTemplateVersions)
    .where(eq(schema.surveyTemplateVersions.templateId, other.id))
    .orderBy(desc(schema.surveyTemplateVersions.version))
    .limit(1);
  return { id: other.id, name: latest?.name ?? '' };
}
