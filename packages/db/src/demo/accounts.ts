import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { clients, people, teams } from '../schema/org.ts';
import { roleAssignments } from '../schema/access.ts';
import { insertSignInUser } from '../accounts.ts';
import { hashPassword } from '../password.ts';

/** The one password of every demo account (README, "Demo accounts"). Demo data only. */
export const DEMO_PASSWORD = 'attentive-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.attentive.test';

type Role = typeof roleAssignments.$inferInsert.role;
type Plan = { role: Role; teamCode?: string; clientCode?: string; email?: string };

/** The team whose agents get sign-in accounts (the others exist for volume only). */
export const DEMO_AGENT_TEAM = 'T01';

/**
 * Role and (for some) sign-in account of a demo person, derived from its code:
 * ADM01 admin, QA01 QA analyst, TLnn team lead of Tnn, AGnnn agent, CA-<CLIENT> client auditor,
 * MS01 mystery shopper, SC01 survey caller.
 */
export function demoPlanFor(code: string, teamCode: string | null): Plan | null {
  const at = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;
  if (code === 'ADM01') return { role: 'admin', email: at('admin') };
  if (code === 'QA01') return { role: 'qa_analyst', email: at('qa') };
  if (code === 'MS01') return { role: 'mystery_shopper', email: at('shopper') };
  if (code === 'SC01') return { role: 'survey_caller', email: at('caller') };
  let m = /^TL(\d+)$/.exec(code);
  if (m) return { role: 'team_lead', teamCode: `T${m[1]}`, email: at(`tl${m[1]}`) };
  m = /^CA-([A-Z0-9]+)$/.exec(code);
  if (m) return { role: 'client_auditor', clientCode: m[1], email: at(`auditor.${m[1]!.toLowerCase()}`) };
  m = /^AG(\d+)$/.exec(code);
  if (m) return { role: 'agent', ...(teamCode === DEMO_AGENT_TEAM ? { email: at(`agent${m[1]}`) } : {}) };
  return null;
}

/**
 * Gives the demo people their roles and sign-in accounts. Runs after the people exist; does nothing
 * when the tenant already has role assignments. The password is hashed once and the hash reused.
 */
export async function seedDemoAccounts(db: Db, tenantId: number): Promise<{ roles: number; accounts: number }> {
  const existing = await db.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.tenantId, tenantId)).limit(1);
  if (existing.length) return { roles: 0, accounts: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  return db.transaction(async (tx) => {
    const teamRows = await tx.select({ id: teams.id, code: teams.code }).from(teams).where(eq(teams.tenantId, tenantId));
    const clientRows = await tx.select({ id: clients.id, code: clients.code }).from(clients).where(eq(clients.tenantId, tenantId));
    const teamId = new Map(teamRows.map((t) => [t.code, t.id]));
    const teamCode = new Map(teamRows.map((t) => [t.id, t.code]));
    const clientId = new Map(clientRows.map((c) => [c.code, c.id]));
    const persons = await tx
      .select({ id: people.id, code: people.code, name: people.name, teamId: people.teamId, userId: people.userId })
      .from(people)
      .where(eq(people.tenantId, tenantId));
    const grants: (typeof roleAssignments.$inferInsert)[] = [];
    let accounts = 0;
    for (const p of persons) {
      const plan = demoPlanFor(p.code, p.teamId == null ? null : (teamCode.get(p.teamId) ?? null));
      if (!plan) continue;
      const scopeTeam = plan.teamCode ? teamId.get(plan.teamCode) : undefined;
      const scopeClient = plan.clientCode ? clientId.get(plan.clientCode) : undefined;
      if ((plan.teamCode && scopeTeam == null) || (plan.clientCode && scopeClient == null)) continue;
      grants.push({ tenantId, personId: p.id, role: plan.role, teamId: scopeTeam ?? null, clientId: scopeClient ?? null });
      if (plan.email && !p.userId) {
        const userId = await insertSignInUser(tx, { email: plan.email, name: p.name, passwordHash, now });
        await tx
          .update(people)
          .set({ userId, email: plan.email })
          .where(and(eq(people.id, p.id), eq(people.tenantId, tenantId)));
        accounts++;
      }
    }
    for (let i = 0; i < grants.length; i += 500) await tx.insert(roleAssignments).values(grants.slice(i, i + 500));
    return { roles: grants.length, accounts };
  });
}
