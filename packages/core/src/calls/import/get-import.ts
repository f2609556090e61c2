import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { canReadImport } from '../../policy/call-imports.ts';
import { requireImporter } from './check-import-start.ts';
import { importView, type ImportView } from './import-view.ts';

export type { ImportView };

/** One import run with its counts (live while it runs: see import-view.ts) and first errors. */
export async function getImport({ ctx, input }: { ctx: Ctx; input: { importId: string } }): Promise<ImportView> {
  const id = input.importId;
  requireImporter(ctx.principal);
  const [r] = await ctx.db
    .select()
    .from(schema.imports)
    .where(and(eq(schema.imports.id, id), eq(schema.imports.tenantId, ctx.principal.tenantId)))
    .limit(1);
  if (!r || !canReadImport(ctx.principal, r)) throw notFound('Import');
  return importView(r);
}
