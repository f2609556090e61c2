import { and, desc, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { canReadImport } from '../../policy/call-imports.ts';
import { hasRole } from '../../policy/principal.ts';
import { liveProgress } from './progress.ts';
import { requireImporter } from './check-import-start.ts';
import type { RowError } from './types.ts';

export type ImportView = {
  id: string;
  status: 'running' | 'completed' | 'rejected' | 'failed';
  format: 'csv' | 'json';
  mode: 'all-or-nothing' | 'skip-invalid';
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  errorCount: number;
  errors: RowError[];
  message: string | null;
  bytesRead: number | null;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
};

type Row = typeof schema.imports.$inferSelect;

function view(r: Row): ImportView {
  const live = r.status === 'running' ? liveProgress(r.id) : undefined;
  return {
    id: r.id,
    status: r.status,
    format: r.format,
    mode: r.mode,
    source: r.source,
    rows: live?.rows ?? r.rowsProcessed,
    inserted: live?.inserted ?? r.inserted,
    updated: live?.updated ?? r.updated,
    unchanged: live?.unchanged ?? r.unchanged,
    invalid: live?.invalid ?? r.invalid,
    errorCount: live?.errorCount ?? r.errorCount,
    errors: (r.errors ?? []) as RowError[],
    message: r.message,
    bytesRead: live?.bytesRead ?? r.bytesRead,
    actor: r.actor,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null
  };
}

/** One import run with its counts (live while it runs in this process) and first errors. */
export async function getImport(ctx: Ctx, id: string): Promise<ImportView> {
  requireImporter(ctx.principal);
  const [r] = await ctx.db
    .select()
    .from(schema.imports)
    .where(and(eq(schema.imports.id, id), eq(schema.imports.tenantId, ctx.principal.tenantId)))
    .limit(1);
  if (!r || !canReadImport(ctx.principal, r)) throw notFound('Import');
  return view(r);
}

/** The latest import runs the principal may see: all of the tenant's for admins, its own otherwise. */
export async function listImports(ctx: Ctx, opts: { limit: number }): Promise<ImportView[]> {
  const p = ctx.principal;
  requireImporter(p);
  const where = hasRole(p, 'admin')
    ? eq(schema.imports.tenantId, p.tenantId)
    : and(eq(schema.imports.tenantId, p.tenantId), eq(schema.imports.actor, p.label));
  const rows = await ctx.db.select().from(schema.imports).where(where).orderBy(desc(schema.imports.startedAt)).limit(opts.limit);
  return rows.filter((r) => canReadImport(p, r)).map(view);
}
