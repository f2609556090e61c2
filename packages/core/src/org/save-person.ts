import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from '../access/scoped.ts';
import { assertKeepsAnAdmin, isAdmin } from '../access/admins.ts';
import { changesNothing } from './org-unit-rules.ts';
import { checkPerson, personAudit, type PersonInput } from './person-rules.ts';

/** Creates a person (no id) or changes one (id); a leaving date on an admin must leave another admin. */
export async function savePerson({ ctx, input }: { ctx: Ctx; input: PersonInput & { id?: number } }) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may change people records');
  checkPerson(input);
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = input.id != null ? await findInTenant(tx, schema.people, tenantId, input.id, 'Person') : null;
    if (input.teamId != null) await findInTenant(tx, schema.teams, tenantId, input.teamId, 'Team');
    if (input.code) {
      const clash = await tx
        .select({ id: schema.people.id })
        .from(schema.people)
        .where(and(eq(schema.people.tenantId, tenantId), eq(schema.people.code, input.code)));
      if (clash.some((c) => c.id !== before?.id)) throw conflict(`A person with code ${input.code} already exists`);
    }
    const values = {
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.email !== undefined ? { email: input.email || null } : {}),
      ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
      ...(input.hireDate !== undefined ? { hireDate: input.hireDate } : {}),
      ...(input.leftDate !== undefined ? { leftDate: input.leftDate } : {})
    };
    let row;
    if (before) {
      if (changesNothing(before, values)) return before;
      [row] = await tx.update(schema.people).set(values).where(eq(schema.people.id, before.id)).returning();
    } else {
      if (!input.code || !input.name)
        throw invalid('code and name are required for a new person', [{ path: input.code ? 'name' : 'code', message: 'required' }]);
      [row] = await tx
        .insert(schema.people)
        .values({ tenantId, code: input.code, name: input.name.trim(), ...values })
        .returning();
    }
    // A leaving date on an admin (deactivating it) must leave another admin who can sign in.
    if (before && row!.leftDate != null && before.leftDate == null && (await isAdmin(tx, before.id)))
      await assertKeepsAnAdmin(tx, tenantId, `Setting a leaving date for ${before.name}`);
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: before ? 'person.update' : 'person.create',
        objectType: 'person',
        objectId: row!.id,
        before: before ? personAudit(before) : undefined,
        after: personAudit(row!)
      },
      nowOf(ctx)
    );
    return row!;
  });
}
