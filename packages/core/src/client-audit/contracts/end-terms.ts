import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { EndContractTermsInput } from '@attentive/shared/contract-terms';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { canManageContracts } from '../../policy/client-audit.ts';
import { monthsText, overlaps, programWithClient, termsView, versionsOf } from './terms-support.ts';

export const EndTermsInput = EndContractTermsInput.extend({ programId: Id, version: Id });

/**
 * An admin ends a version of a program's terms: its last month becomes `validTo`. A version can only get
 * shorter — not before its first month, not past a last month it already has (an open one may end anywhere
 * from its first month) — so reports already made for later months never change under the client. Never
 * overlapping another version is checked anyway (409). One transaction; audited.
 */
export async function endContractTerms({ ctx, input }: { ctx: Ctx; input: z.input<typeof EndTermsInput> }) {
  const p = ctx.principal;
  if (!canManageContracts(p)) throw forbidden('Only admins end contract terms');
  const data = parseInput(EndTermsInput, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const program = await programWithClient(tx, p.tenantId, data.programId);
    const versions = await versionsOf(tx, p.tenantId, program.id);
    const v = versions.find((x) => x.version === data.version);
    if (!v) throw notFound(`Version ${data.version} of program ${program.code}'s contract terms`);
    if (data.validTo < v.validFrom)
      throw invalid(`Version ${v.version} starts ${v.validFrom}: it cannot end before (validTo ${data.validTo})`, [
        { path: 'validTo', message: `must not be before the version's first month ${v.validFrom}` }
      ]);
    if (v.validTo != null && data.validTo > v.validTo)
      throw invalid(`Version ${v.version} already ends ${v.validTo}: a version can be ended earlier, not extended`, [
        { path: 'validTo', message: `must not be after the version's last month ${v.validTo}` }
      ]);
    const after = { validFrom: v.validFrom, validTo: data.validTo };
    const clash = versions.find((x) => x.id !== v.id && overlaps(x, after));
    if (clash) throw conflict(`Version ${v.version} (${monthsText(after)}) would overlap version ${clash.version} (${monthsText(clash)})`);
    const [row] = await tx
      .update(schema.contractTerms)
      .set({ validTo: data.validTo })
      .where(and(eq(schema.contractTerms.id, v.id), eq(schema.contractTerms.tenantId, p.tenantId)))
      .returning();
    await writeAudit(
      tx,
      ctx,
      {
        action: 'contract_terms.end',
        objectType: 'contract_terms',
        objectId: v.id,
        before: { programId: program.id, version: v.version, validTo: v.validTo },
        after: { programId: program.id, version: v.version, validTo: data.validTo }
      },
      now
    );
    return termsView(row!);
  });
}
