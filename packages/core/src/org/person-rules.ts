import { asc, inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { invalid } from '../errors.ts';

/** What the verbs on people (admin screens: team, roles, sign-in account) share. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export type PersonInput = {
  code?: string;
  name?: string;
  email?: string | null;
  teamId?: number | null;
  hireDate?: string | null;
  leftDate?: string | null;
};

/** Refuses a bad code, an empty name, a date that is not YYYY-MM-DD or an address that is not one. */
export function checkPerson(input: PersonInput) {
  if (input.code !== undefined && !CODE.test(input.code))
    throw invalid(`code: "${input.code}" must be 1-40 letters, digits, '-', '_' or '.'`, [{ path: 'code', message: 'invalid code' }]);
  if (input.name !== undefined && !input.name.trim()) throw invalid('name: required', [{ path: 'name', message: 'required' }]);
  for (const k of ['hireDate', 'leftDate'] as const) {
    const v = input[k];
    if (v != null && (!DATE.test(v) || Number.isNaN(Date.parse(v))))
      throw invalid(`${k}: "${v}" is not a date as YYYY-MM-DD`, [{ path: k, message: 'expected YYYY-MM-DD' }]);
  }
  if (input.email != null && input.email !== '' && !/^[^\s@]+@[^\s@]+$/.test(input.email))
    throw invalid(`email: "${input.email}" is not an e-mail address`, [{ path: 'email', message: 'invalid e-mail' }]);
}

/** The role assignments of each person, oldest first. */
export async function rolesOf(db: DbOrTx, personIds: number[]) {
  if (personIds.length === 0) return new Map<number, (typeof schema.roleAssignments.$inferSelect)[]>();
  const rows = await db
    .select()
    .from(schema.roleAssignments)
    .where(inArray(schema.roleAssignments.personId, personIds))
    .orderBy(asc(schema.roleAssignments.id));
  const byPerson = new Map<number, typeof rows>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  return byPerson;
}

export const roleView = (r: typeof schema.roleAssignments.$inferSelect) => ({
  id: r.id,
  role: r.role,
  teamId: r.teamId,
  clientId: r.clientId,
  programId: r.programId
});

export const personAudit = (p: typeof schema.people.$inferSelect) => ({
  code: p.code,
  name: p.name,
  teamId: p.teamId,
  hireDate: p.hireDate,
  leftDate: p.leftDate
});
