import { and, asc, eq, ne } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { canAdminister, canReadOrg } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from '../access/scoped.ts';

/** Teams, clients and programs: small code + name records an admin keeps. */

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

function checkCodeName(input: { code?: string; name?: string }) {
  if (input.code !== undefined && !CODE.test(input.code)) {
    throw invalid(`code: "${input.code}" must be 1-40 letters, digits, '-', '_' or '.'`, [{ path: 'code', message: 'invalid code' }]);
  }
  if (input.name !== undefined && !input.name.trim()) throw invalid('name: required', [{ path: 'name', message: 'required' }]);
}

/** True when saving `next` over `before` changes nothing: then nothing is written and no audit row made. */
export function changesNothing<T extends object>(before: T, next: Partial<T>): boolean {
  return (Object.keys(next) as (keyof T)[]).every((k) => next[k] === before[k]);
}

function mustAdminister(ctx: Ctx) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may change teams, clients and programs');
}
function mustRead(ctx: Ctx) {
  if (!canReadOrg(ctx.principal)) throw forbidden('Only admins and QA analysts may list the organisation');
}

async function codeTaken(
  tx: DbOrTx,
  table: typeof schema.teams | typeof schema.clients | typeof schema.programs,
  tenantId: number,
  code: string,
  exceptId?: number
) {
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.code, code), exceptId ? ne(table.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}

export async function listTeams(ctx: Ctx) {
  mustRead(ctx);
  return ctx.db.select().from(schema.teams).where(eq(schema.teams.tenantId, ctx.principal.tenantId)).orderBy(asc(schema.teams.code));
}

export async function saveTeam(ctx: Ctx, input: { id?: number; code?: string; name?: string }) {
  mustAdminister(ctx);
  checkCodeName(input);
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = input.id != null ? await findInTenant(tx, schema.teams, tenantId, input.id, 'Team') : null;
    if (input.code && (await codeTaken(tx, schema.teams, tenantId, input.code, before?.id)))
      throw conflict(`A team with code ${input.code} already exists`);
    let row;
    if (before) {
      const next = { code: input.code ?? before.code, name: input.name?.trim() ?? before.name };
      if (changesNothing(before, next)) return before;
      [row] = await tx.update(schema.teams).set(next).where(eq(schema.teams.id, before.id)).returning();
    } else {
      if (!input.code || !input.name)
        throw invalid('code and name are required for a new team', [{ path: input.code ? 'name' : 'code', message: 'required' }]);
      [row] = await tx.insert(schema.teams).values({ tenantId, code: input.code, name: input.name.trim() }).returning();
    }
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: before ? 'team.update' : 'team.create',
        objectType: 'team',
        objectId: row!.id,
        before: before ? { code: before.code, name: before.name } : undefined,
        after: { code: row!.code, name: row!.name }
      },
      nowOf(ctx)
    );
    return row!;
  });
}

export async function listClients(ctx: Ctx) {
  mustRead(ctx);
  return ctx.db.select().from(schema.clients).where(eq(schema.clients.tenantId, ctx.principal.tenantId)).orderBy(asc(schema.clients.code));
}

export async function saveClient(ctx: Ctx, input: { id?: number; code?: string; name?: string }) {
  mustAdminister(ctx);
  checkCodeName(input);
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = input.id != null ? await findInTenant(tx, schema.clients, tenantId, input.id, 'Client') : null;
    if (input.code && (await codeTaken(tx, schema.clients, tenantId, input.code, before?.id)))
      throw conflict(`A client with code ${input.code} already exists`);
    let row;
    if (before) {
      const next = { code: input.code ?? before.code, name: input.name?.trim() ?? before.name };
      if (changesNothing(before, next)) return before;
      [row] = await tx.update(schema.clients).set(next).where(eq(schema.clients.id, before.id)).returning();
    } else {
      if (!input.code || !input.name)
        throw invalid('code and name are required for a new client', [{ path: input.code ? 'name' : 'code', message: 'required' }]);
      [row] = await tx.insert(schema.clients).values({ tenantId, code: input.code, name: input.name.trim() }).returning();
    }
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: before ? 'client.update' : 'client.create',
        objectType: 'client',
        objectId: row!.id,
        before: before ? { code: before.code, name: before.name } : undefined,
        after: { code: row!.code, name: row!.name }
      },
      nowOf(ctx)
    );
    return row!;
  });
}

export async function listPrograms(ctx: Ctx) {
  mustRead(ctx);
  return ctx.db
    .select()
    .from(schema.programs)
    .where(eq(schema.programs.tenantId, ctx.principal.tenantId))
    .orderBy(asc(schema.programs.code));
}

export async function saveProgram(
  ctx: Ctx,
  input: { id?: number; code?: string; name?: string; clientId?: number; disputeWindowDays?: number }
) {
  mustAdminister(ctx);
  checkCodeName(input);
  if (
    input.disputeWindowDays !== undefined &&
    (!Number.isInteger(input.disputeWindowDays) || input.disputeWindowDays < 0 || input.disputeWindowDays > 365)
  ) {
    throw invalid('disputeWindowDays: a whole number of days from 0 to 365', [{ path: 'disputeWindowDays', message: 'out of range' }]);
  }
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = input.id != null ? await findInTenant(tx, schema.programs, tenantId, input.id, 'Program') : null;
    if (input.clientId != null) await findInTenant(tx, schema.clients, tenantId, input.clientId, 'Client');
    if (input.code && (await codeTaken(tx, schema.programs, tenantId, input.code, before?.id)))
      throw conflict(`A program with code ${input.code} already exists`);
    let row;
    if (before) {
      const next = {
        code: input.code ?? before.code,
        name: input.name?.trim() ?? before.name,
        clientId: input.clientId ?? before.clientId,
        disputeWindowDays: input.disputeWindowDays ?? before.disputeWindowDays
      };
      if (changesNothing(before, next)) return before;
      [row] = await tx.update(schema.programs).set(next).where(eq(schema.programs.id, before.id)).returning();
    } else {
      if (!input.code || !input.name || input.clientId == null) {
        throw invalid('code, name and clientId are required for a new program', [
          { path: !input.code ? 'code' : !input.name ? 'name' : 'clientId', message: 'required' }
        ]);
      }
      [row] = await tx
        .insert(schema.programs)
        .values({
          tenantId,
          code: input.code,
          name: input.name.trim(),
          clientId: input.clientId,
          disputeWindowDays: input.disputeWindowDays ?? 7
        })
        .returning();
    }
    const pick = (r: typeof row) => ({ code: r!.code, name: r!.name, clientId: r!.clientId, disputeWindowDays: r!.disputeWindowDays });
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: before ? 'program.update' : 'program.create',
        objectType: 'program',
        objectId: row!.id,
        before: before ? pick(before) : undefined,
        after: pick(row)
      },
      nowOf(ctx)
    );
    return row!;
  });
}
