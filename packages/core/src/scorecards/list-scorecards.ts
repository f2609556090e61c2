import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { scorecardVisibility } from '../policy/scorecards.ts';
import { scorecardDto, versionSummaryDto } from './dto.ts';
import { agentProgramIds } from './load.ts';

/** The scorecards the principal may read, each with its latest published version and (for managers) its draft. */
export async function listScorecards({ ctx }: { ctx: Ctx }) {
  const p = ctx.principal;
  const vis = scorecardVisibility(p, await agentProgramIds(ctx.db, p));
  const conds: SQL[] = [eq(schema.scorecards.tenantId, p.tenantId)];
  if (!vis.all) {
    const any: (SQL | undefined)[] = [
      vis.programIds.length ? inArray(schema.scorecards.programId, vis.programIds) : undefined,
      vis.clientIds.length ? inArray(schema.programs.clientId, vis.clientIds) : undefined,
      vis.defaults ? isNull(schema.scorecards.programId) : undefined
    ];
    const allowed = any.filter((x): x is SQL => x != null);
    if (!allowed.length) return { scorecards: [] };
    conds.push(or(...allowed)!);
  }
  const rows = await ctx.db
    .select({ scorecard: schema.scorecards, programName: schema.programs.name })
    .from(schema.scorecards)
    .leftJoin(schema.programs, eq(schema.programs.id, schema.scorecards.programId))
    .where(and(...conds))
    .orderBy(schema.scorecards.name);
  const ids = rows.map((r) => r.scorecard.id);
  const versions = ids.length
    ? await ctx.db.select().from(schema.scorecardVersions).where(inArray(schema.scorecardVersions.scorecardId, ids))
    : [];
  return {
    scorecards: rows.map((r) => {
      const mine = versions.filter((v) => v.scorecardId === r.scorecard.id);
      const published = mine.filter((v) => v.status === 'published').sort((a, b) => b.version - a.version)[0];
      const draft = vis.drafts ? mine.find((v) => v.status === 'draft') : undefined;
      return {
        ...scorecardDto(r.scorecard, r.programName),
        published: published ? versionSummaryDto(published) : null,
        draft: draft ? versionSummaryDto(draft) : null,
        versionCount: mine.filter((v) => vis.drafts || v.status === 'published').length
      };
    })
  };
}
