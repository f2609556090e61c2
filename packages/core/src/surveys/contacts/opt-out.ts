import { and, eq, isNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { writeAudit } from '../../audit/write-audit.ts';
import type { Principal } from '../../policy/principal.ts';

/**
 * The one writer of a customer's opt-out ("don't ask me again"), whether the customer tells a survey caller
 * or presses the button on the public survey page. Sets `optedOutAt` once (a second opt-out keeps the first
 * time), closes the customer's other open callback items as declined — nobody may call or mail them any
 * more — and audits it with the contact id only, never the details. Run inside the caller's transaction.
 * Every later draw leaves the customer out (draw-compute's `optedOut`); the row outlives retention so the
 * opt-out is kept after the details are erased.
 */
export async function optOutContact(
  tx: DbOrTx,
  input: {
    tenantId: number;
    contactId: number;
    at: Date;
    /** The item the customer was being asked about: closed by its own attempt/response, not here. */
    exceptItemId?: number;
    who: { principal?: Principal; actor?: string; requestId?: string };
  }
): Promise<{ alreadyOptedOut: boolean }> {
  const c = schema.customerContacts;
  const [row] = await tx
    .select({ optedOutAt: c.optedOutAt })
    .from(c)
    .where(and(eq(c.id, input.contactId), eq(c.tenantId, input.tenantId)));
  if (!row) throw new Error(`customer contact ${input.contactId} not found in tenant ${input.tenantId}`);
  if (row.optedOutAt != null) return { alreadyOptedOut: true };
  await tx
    .update(c)
    .set({ optedOutAt: input.at, updatedAt: input.at })
    .where(and(eq(c.id, input.contactId), isNull(c.optedOutAt)));
  const items = schema.callbackItems;
  const open = await tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.contactId, input.contactId), eq(items.status, 'open')));
  const toClose = open.map((r) => r.id).filter((id) => id !== input.exceptItemId);
  for (const id of toClose)
    await tx.update(items).set({ status: 'declined', closedAt: input.at, claimedBy: null, claimedAt: null }).where(eq(items.id, id));
  await writeAudit(
    tx,
    { ...input.who, tenantId: input.tenantId },
    {
      action: 'customer_contacts.opt_out',
      objectType: 'customer_contact',
      objectId: String(input.contactId),
      after: { closedItems: toClose }
    },
    input.at
  );
  return { alreadyOptedOut: false };
}
