import type { schema } from '@attentive/db';

export type TemplateRow = typeof schema.surveyTemplates.$inferSelect;
export type VersionRow = typeof schema.surveyTemplateVersions.$inferSelect;
/** A template as loaded with its program (the program's client decides who may read results). */
export type LoadedTemplate = { template: TemplateRow; programName: string; clientId: number };

/** What clients see of one version of a template; `responses`: responses given to it, by version id. */
export const versionDto = (v: VersionRow, responses: Map<number, number>) => ({
  id: v.id,
  version: v.version,
  name: v.name,
  intro: v.intro,
  questions: v.questions,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdBy,
  responseCount: responses.get(v.id) ?? 0
});

/** A template with its current version: the latest of `versions` (oldest first; every template has one). */
export function templateDto(row: LoadedTemplate, versions: VersionRow[], responses: Map<number, number>) {
  const t = row.template;
  const mine = versions.filter((v) => v.templateId === t.id);
  return {
    id: t.id,
    programId: t.programId,
    programName: row.programName,
    clientId: row.clientId,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy,
    retiredAt: t.retiredAt?.toISOString() ?? null,
    retiredBy: t.retiredBy ?? null,
    versionCount: mine.length,
    responseCount: mine.reduce((n, v) => n + (responses.get(v.id) ?? 0), 0),
    current: versionDto(mine[mine.length - 1]!, responses)
  };
}
