import { z } from 'zod';
import type { ContractTermsList } from '@attentive/shared/contract-terms';
import type { Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canReadClient, canReadClientPortal } from '../../policy/client-audit.ts';
import { inForce, programWithClient, termsView, thisMonth, versionsOf } from './terms-support.ts';

export const ListTermsInput = z.object({ programId: Id });

/**
 * A program's contract terms, every version newest first, and the one in force this month. Admins read every
 * program; a client auditor its own clients' programs — another client's program does not exist for it (404,
 * as everywhere in the API); everyone else has no portal (403).
 */
export async function listContractTerms({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListTermsInput> }): Promise<ContractTermsList> {
  const p = ctx.principal;
  if (!canReadClientPortal(p)) throw forbidden("Contract terms are for admins and the client's auditors");
  const { programId } = parseInput(ListTermsInput, input);
  const program = await programWithClient(ctx.db, p.tenantId, programId);
  if (!canReadClient(p, { tenantId: p.tenantId, clientId: program.clientId })) throw notFound(`Program ${programId}`);
  const [rows, month] = await Promise.all([versionsOf(ctx.db, p.tenantId, program.id), thisMonth(ctx)]);
  return {
    program: { id: program.id, code: program.code, name: program.name },
    client: { id: program.clientId, code: program.clientCode, name: program.clientName },
    versions: rows.map(termsView),
    current: inForce(rows, month)?.id ?? null,
    month
  };
}
