import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { conflict, forbidden, invalid } from '../../errors.ts';
import { canImportCalls } from '../../policy/calls.ts';
import type { Principal } from '../../policy/principal.ts';
import { SOURCE_PATTERN } from './row-schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Importing calls (and reading import runs) is for admins and integration tokens only. */
export function requireImporter(p: Principal) {
  if (!canImportCalls(p)) throw forbidden('Only admins and integration tokens may import calls');
}

/** Before a bulk import reads its first byte: may this principal import at all, and are the parameters sane? */
export async function checkImportStart(ctx: Ctx, input: { importId: string; source: string }) {
  requireImporter(ctx.principal);
  if (!SOURCE_PATTERN.test(input.source))
    throw invalid(`source "${input.source}": use letters, digits, . _ - (up to 64)`, [{ path: 'source', message: 'invalid source' }]);
  if (!UUID.test(input.importId)) throw invalid('importId must be a UUID', [{ path: 'importId', message: 'not a UUID' }]);
  const existing = await ctx.db
    .select({ id: schema.imports.id })
    .from(schema.imports)
    .where(eq(schema.imports.id, input.importId))
    .limit(1);
  if (existing.length) throw conflict(`An import with id ${input.importId} already exists; choose a new id`);
}
