import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { CreateContractTermsInput } from '@attentive/shared/contract-terms';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict, forbidden } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { canManageContracts } from '../../policy/client-audit.ts';
import { monthBefore, monthsText, overlaps, programWithClient, termsView, versionsOf } from './terms-support.ts';

export const CreateTermsInput = CreateContractTermsInput.safeExtend({ programId: Id });

/**
 * An admin enters a new version of a program's contract terms (docs/client-audit.md, "Contract terms"). One
 * transaction: the program must be of the tenant (404); the months must not overlap another version (409
 * naming it) — except, with `endOpenVersion`, the one open-ended version that starts before the new one, which
 * is ended at the month before (the usual "new terms from March"). Version = the program's last + 1. Each
 * write is audited. Terms are never edited afterwards, only ended (end-terms.ts).
 */
export async function createContractTerms({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateTermsInput> }) {
  const p = ctx.principal;
  if (!canManageContracts(p)) throw forbidden('Only admins enter contract terms');
  const data = parseInput(CreateTermsInput, input);
  const now = nowOf(ctx);
  const span = { validFrom: data.validFrom, validTo: data.validTo ?? null };
  return ctx.db.transaction(async (tx) => {
    const program = await programWithClient(tx, p.tenantId, data.programId);
    const versions = await versionsOf(tx, p.tenantId, program.id);
    const clashing = versions.filter((v) => overlaps(v, span)).reverse();
    const endable =
      data.endOpenVersion === true && clashing.length === 1 && clashing[0]!.validTo == null && clashing[0]!.validFrom < data.validFrom;
    if (clashing.length && !endable) {
      const named = clashing.map((v) => `version ${v.version} (${monthsText(v)})`).join(', ');
      const hint =
        clashing.length === 1 && clashing[0]!.validTo == null && clashing[0]!.validFrom < data.validFrom
          ? '; end it first, or send endOpenVersion: true to end it at ' + monthBefore(data.validFrom)
          : '; choose other months';
      throw conflict(`The span ${monthsText(span)} overlaps ${named}${hint}`);
    }
    if (endable) {
      const open = clashing[0]!;
      const validTo = monthBefore(data.validFrom);
      await tx.update(schema.contractTerms).set({ validTo }).where(eq(schema.contractTerms.id, open.id));
      await writeAudit(
        tx,
        ctx,
        {
          action: 'contract_terms.end',
          objectType: 'contract_terms',
          objectId: open.id,
          before: { programId: program.id, version: open.version, validTo: null },
          after: {
            programId: program.id,
            version: open.version,
            validTo,
            reason: `version ${(versions[0]?.version ?? 0) + 1} starts ${data.validFrom}`
          }
        },
        now
      );
    }
    const [row] = await tx
      .insert(schema.contractTerms)
      .values({
        tenantId: p.tenantId,
        programId: program.id,
        version: (versions[0]?.version ?? 0) + 1,
        validFrom: data.validFrom,
        validTo: data.validTo ?? null,
        monthlyFeeCents: data.monthlyFeeCents,
        currency: data.currency,
        targets: data.targets,
        note: data.note,
        createdBy: p.label,
        createdAt: now
      })
      .returning();
    await writeAudit(
      tx,
      ctx,
      {
        action: 'contract_terms.create',
        objectType: 'contract_terms',
        objectId: row!.id,
        after: {
          programId: program.id,
          version: row!.version,
          ...span,
          monthlyFeeCents: data.monthlyFeeCents,
          currency: data.currency,
          targets: data.targets,
          note: data.note
        }
      },
      now
    );
    return termsView(row!);
  });
}
