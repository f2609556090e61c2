import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from '../access/scoped.ts';
import { changesNothing, checkCodeName, codeTaken, mustAdminister } from './org-unit-rules.ts';

/** The records that are a code and a name: a team, a client (which also says whether its auditors see agents under a pseudonym). */
const KINDS = {
  team: { table: schema.teams, label: 'Team' },
  client: { table: schema.clients, label: 'Client' }
} as const;

export type CodeNameInput = { id?: number; code?: string; name?: string; pseudonymiseAgents?: boolean };
/** The settings beside code and name that a kind keeps, as the audit row shows them. */
const settingsOf = (kind: keyof typeof KINDS, r: Record<string, unknown>) =>
  kind === 'client' ? { pseudonymiseAgents: r.pseudonymiseAgents } : {};

/**
 * Creates (no id) or changes (id) a team or a client: the same rules and audit for both. A save that
 * changes nothing writes nothing.
 */
export async function saveCodeName(kind: keyof typeof KINDS, { ctx, input }: { ctx: Ctx; input: CodeNameInput }) {
  const { table, label } = KINDS[kind];
  mustAdminister(ctx);
  checkCodeName(input);
  if (kind !== 'client' && input.pseudonymiseAgents !== undefined)
    throw invalid('pseudonymiseAgents: only a client has it', [{ path: 'pseudonymiseAgents', message: 'not a setting of a team' }]);
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = input.id != null ? await findInTenant(tx, table, tenantId, input.id, label) : null;
    if (input.code && (await codeTaken(tx, table, tenantId, input.code, before?.id)))
      throw conflict(`A ${kind} with code ${input.code} already exists`);
    let row;
    if (before) {
      const next = {
        code: input.code ?? before.code,
        name: input.name?.trim() ?? before.name,
        ...(kind === 'client' && input.pseudonymiseAgents !== undefined ? { pseudonymiseAgents: input.pseudonymiseAgents } : {})
      };
      if (changesNothing(before, next)) return before;
      [row] = await tx.update(table).set(next).where(eq(table.id, before.id)).returning();
    } else {
      if (!input.code || !input.name)
        throw invalid(`code and name are required for a new ${kind}`, [{ path: input.code ? 'name' : 'code', message: 'required' }]);
      [row] = await tx
        .insert(table)
        .values({
          tenantId,
          code: input.code,
          name: input.name.trim(),
          ...(kind === 'client' ? { pseudonymiseAgents: input.pseudonymiseAgents ?? false } : {})
        })
        .returning();
    }
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: before ? `${kind}.update` : `${kind}.create`,
        objectType: kind,
        objectId: row!.id,
        before: before ? { code: before.code, name: before.name, ...settingsOf(kind, before) } : undefined,
        after: { code: row!.code, name: row!.name, ...settingsOf(kind, row!) }
      },
      nowOf(ctx)
    );
    return row!;
  });
}
