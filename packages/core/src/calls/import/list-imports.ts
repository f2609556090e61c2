import { and, desc, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { canReadImport } from '../../policy/call-imports.ts';
import { hasRole } from '../../policy/principal.ts';
import { requireImporter } from './check-import-start.ts';
import { importView, type ImportView } from './import-view.ts';

/** The latest import runs the principal may see: all of the tenant's for admins, its own otherwise. */
export async function listImports({ ctx, input }: { ctx: Ctx; input: { limit: number } }): Promise<ImportView[]> {
  const p = ctx.principal;
  requireImporter(p);
  const where = hasRole(p, 'admin')
    ? eq(schema.imports.tenantId, p.tenantId)
    : and(eq(schema.imports.tenantId, p.tenantId), eq(schema.imports.actor, p.label));
  const rows = await ctx.db.select().from(schema.imports).where(where).orderBy(desc(schema.imports.startedAt)).limit(input.limit);
  return rows.filter((r) => canReadImport(p, r)).map(importView);
}
