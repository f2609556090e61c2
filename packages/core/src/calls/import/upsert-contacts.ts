import type { InValue, Transaction } from '@libsql/client';
import type { ContactCipher } from '../../surveys/contact-cipher.ts';
import type { ImportedContact } from './resolve-record.ts';

/** How long contact details are kept after the last call that brought them, unless the server says otherwise. */
export const DEFAULT_CONTACT_RETENTION_DAYS = 90;
const DAY = 86_400_000;

/**
 * Writes the contact details of imported calls into customer_contacts, sealed (AES-256-GCM, ctx.contactCipher),
 * keyed by (tenant, customer_ref) — never on the call row. The customer's newest call decides: its details
 * replace the stored ones (a detail it lacks is kept), bring back erased ones and extend `eraseAfter` to
 * now + retention; an older call only fills in a customer not known yet. An opt-out is never touched.
 * Runs inside the import's write transaction, after the calls are written (so "newest" sees this batch).
 */
export async function upsertContacts(
  tx: Transaction,
  o: { tenantId: number; contacts: ImportedContact[]; cipher: ContactCipher; nowMs: number; retentionDays: number }
): Promise<number> {
  if (o.contacts.length === 0) return 0;
  // Within the batch, the newest call of each customer.
  const newest = new Map<string, ImportedContact>();
  for (const c of o.contacts) {
    const seen = newest.get(c.customerRef);
    if (!seen || c.startedAt >= seen.startedAt) newest.set(c.customerRef, c);
  }
  const refs = [...newest.keys()];
  const latest = new Map<string, number>();
  for (let i = 0; i < refs.length; i += 500) {
    const chunk = refs.slice(i, i + 500);
    const r = await tx.execute({
      sql: `SELECT customer_ref, max(started_at) FROM calls WHERE tenant_id = ? AND customer_ref IN (${chunk.map(() => '?').join(',')}) GROUP BY customer_ref`,
      args: [o.tenantId, ...chunk]
    });
    for (const row of r.rows) latest.set(String(row[0]), Number(row[1]));
  }
  const eraseAfter = o.nowMs + o.retentionDays * DAY;
  const rows = (list: ImportedContact[]): InValue[] => [
    JSON.stringify(
      list.map((c) => [
        o.tenantId,
        c.customerRef,
        c.phone == null ? null : o.cipher.encrypt(c.phone),
        c.email == null ? null : o.cipher.encrypt(c.email),
        c.language
      ])
    ),
    eraseAfter,
    o.nowMs
  ];
  const insert =
    'INSERT INTO customer_contacts (tenant_id, customer_ref, phone_cipher, email_cipher, language, erase_after, created_at, updated_at) ' +
    'SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ?2, ?3, ?3 FROM json_each(?1) WHERE true ';
  const current = [...newest.values()].filter((c) => c.startedAt >= (latest.get(c.customerRef) ?? c.startedAt));
  const older = [...newest.values()].filter((c) => c.startedAt < (latest.get(c.customerRef) ?? c.startedAt));
  if (current.length)
    await tx.execute({
      sql:
        insert +
        'ON CONFLICT (tenant_id, customer_ref) DO UPDATE SET phone_cipher = coalesce(excluded.phone_cipher, customer_contacts.phone_cipher), ' +
        'email_cipher = coalesce(excluded.email_cipher, customer_contacts.email_cipher), language = coalesce(excluded.language, customer_contacts.language), ' +
        'erase_after = max(customer_contacts.erase_after, excluded.erase_after), ' +
        'erased_at = CASE WHEN excluded.phone_cipher IS NULL AND excluded.email_cipher IS NULL THEN customer_contacts.erased_at END, updated_at = excluded.updated_at',
      args: rows(current)
    });
  if (older.length) await tx.execute({ sql: insert + 'ON CONFLICT (tenant_id, customer_ref) DO NOTHING', args: rows(older) });
  return newest.size;
}
