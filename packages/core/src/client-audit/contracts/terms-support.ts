import { and, desc, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { METRIC_INFO, type ClientMetricId } from '@attentive/shared/client-metrics';
import type { ContractTermsVersion } from '@attentive/shared/contract-terms';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { localDate } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';

/**
 * What the contract-terms verbs share: the program with its client, the versions of a program, the month rules
 * (months are 'YYYY-MM' strings, so comparing the strings compares the months) and the stored row as the DTO.
 */
export type TermsRow = typeof schema.contractTerms.$inferSelect;

/** The program of the tenant with its client (code and name for the DTO); 404 when the tenant has no such program. */
export async function programWithClient(db: DbOrTx, tenantId: number, programId: number) {
  const pr = schema.programs;
  const cl = schema.clients;
  const [row] = await db
    .select({ id: pr.id, code: pr.code, name: pr.name, clientId: cl.id, clientCode: cl.code, clientName: cl.name })
    .from(pr)
    .innerJoin(cl, eq(cl.id, pr.clientId))
    .where(and(eq(pr.id, programId), eq(pr.tenantId, tenantId)));
  if (!row) throw notFound(`Program ${programId}`);
  return row;
}

/** Every version of a program, newest first. */
export const versionsOf = (db: DbOrTx, tenantId: number, programId: number) =>
  db
    .select()
    .from(schema.contractTerms)
    .where(and(eq(schema.contractTerms.tenantId, tenantId), eq(schema.contractTerms.programId, programId)))
    .orderBy(desc(schema.contractTerms.version));

/** [from, to] and [from2, to2] share a month; a null end is open (until further notice). */
export const overlaps = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }) =>
  a.validFrom <= (b.validTo ?? '9999-12') && b.validFrom <= (a.validTo ?? '9999-12');

/** "2026-01 – open", "2026-01 – 2026-06": how messages name a version's months. */
export const monthsText = (v: { validFrom: string; validTo: string | null }) => `${v.validFrom} – ${v.validTo ?? 'open'}`;

/** The month before a 'YYYY-MM' month. */
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The version in force in `month`, if any (versions never overlap, so at most one). */
export const inForce = <V extends { validFrom: string; validTo: string | null }>(versions: readonly V[], month: string) =>
  versions.find((v) => v.validFrom <= month && (v.validTo == null || month <= v.validTo)) ?? null;

/** This month on the contact center's clock. */
export async function thisMonth(ctx: Ctx): Promise<string> {
  return localDate(await tenantTimeZone(ctx), nowOf(ctx)).slice(0, 7);
}

/** The stored row as the API shows it: each target with its metric's unit and direction. */
export function termsView(row: TermsRow): ContractTermsVersion {
  return {
    id: row.id,
    programId: row.programId,
    version: row.version,
    validFrom: row.validFrom,
    validTo: row.validTo,
    monthlyFeeCents: row.monthlyFeeCents,
    currency: row.currency,
    targets: row.targets.map((t) => {
      const info = METRIC_INFO[t.metric as ClientMetricId];
      return { ...t, unit: info.unit, higherIsBetter: info.higherIsBetter };
    }),
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString()
  };
}
