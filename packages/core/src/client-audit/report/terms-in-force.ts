import { and, desc, eq, lte } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Month } from '@attentive/shared/client-metrics';

export type ContractTermsRow = typeof schema.contractTerms.$inferSelect;

/** Whether a terms version covers `month`: validFrom ≤ month ≤ validTo (null: open). 'YYYY-MM' sorts as text. */
export const covers = (t: Pick<ContractTermsRow, 'validFrom' | 'validTo'>, month: Month) =>
  t.validFrom <= month && (t.validTo == null || month <= t.validTo);

/**
 * The contract terms version in force for a program's month, or null. Versions of a program never overlap
 * (the writing verb checks it), so the latest version starting on or before the month is the only candidate:
 * it is in force when it has not ended before the month.
 */
export async function termsInForce(db: DbOrTx, o: { tenantId: number; programId: number; month: Month }): Promise<ContractTermsRow | null> {
  const ct = schema.contractTerms;
  const [row] = await db
    .select()
    .from(ct)
    .where(and(eq(ct.tenantId, o.tenantId), eq(ct.programId, o.programId), lte(ct.validFrom, o.month)))
    .orderBy(desc(ct.validFrom), desc(ct.version))
    .limit(1);
  return row && covers(row, o.month) ? row : null;
}

/** Every terms version of a program, oldest first (the month list matches months to versions in memory). */
export async function allTerms(db: DbOrTx, o: { tenantId: number; programId: number }): Promise<ContractTermsRow[]> {
  const ct = schema.contractTerms;
  return db
    .select()
    .from(ct)
    .where(and(eq(ct.tenantId, o.tenantId), eq(ct.programId, o.programId)))
    .orderBy(ct.validFrom, ct.version);
}
