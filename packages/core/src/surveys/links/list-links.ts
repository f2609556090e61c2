import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { SurveyLinkDraw, SurveyLinkItem } from '@attentive/shared/survey-links';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canManageSurveys } from '../../policy/surveys.ts';
import { countStates, linkState, maskEmail } from './link-state.ts';
import { linkItemRows, newestLinks } from './link-rows.ts';

const requireManager = (ctx: Ctx) => {
  if (!canManageSurveys(ctx.principal)) throw forbidden('Only admins and QA analysts see survey links');
};

export const ListLinksInput = z.object({ drawId: Id });

/**
 * A link draw's items and where each stands (not sent / sent / answered / declined / expired), with the
 * e-mail address masked: never the token, never the address in full.
 */
export async function listSurveyLinks({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListLinksInput> }) {
  requireManager(ctx);
  const { drawId } = parseInput(ListLinksInput, input);
  const [draw] = await ctx.db
    .select({ id: schema.callbackDraws.id })
    .from(schema.callbackDraws)
    .where(and(eq(schema.callbackDraws.id, drawId), eq(schema.callbackDraws.tenantId, ctx.principal.tenantId)));
  if (!draw) throw notFound(`Callback draw ${drawId}`);
  const now = nowOf(ctx);
  const rows = (await linkItemRows(ctx.db, ctx.principal.tenantId, { drawId })).filter((r) => r.channel === 'link');
  const links = await newestLinks(
    ctx.db,
    rows.map((r) => r.id)
  );
  const items: SurveyLinkItem[] = rows.map((r) => {
    const link = links.get(r.id) ?? null;
    const state = linkState(r, link, now);
    const hasEmail = r.emailCipher != null && r.erasedAt == null;
    let emailMasked: string | null = null;
    if (hasEmail && ctx.contactCipher) emailMasked = maskEmail(ctx.contactCipher.decrypt(r.emailCipher!));
    return {
      itemId: r.id,
      callId: r.callId,
      state,
      hasEmail,
      emailMasked,
      sentAt: link?.sentAt?.toISOString() ?? null,
      expiresAt: link?.sentAt ? link.expiresAt.toISOString() : null,
      answeredAt: state === 'answered' ? (r.closedAt?.toISOString() ?? null) : null
    };
  });
  return { drawId, counts: countStates(items.map((i) => i.state)), items };
}

export const ListLinkDrawsInput = z.object({ days: z.number().int().min(1).max(366).default(30) });

/** The link-channel draws of the last `days` days, newest first, each with its counts: the manager's overview. */
export async function listSurveyLinkDraws({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof ListLinkDrawsInput>;
}): Promise<SurveyLinkDraw[]> {
  requireManager(ctx);
  const { days } = parseInput(ListLinkDrawsInput, input);
  const now = nowOf(ctx);
  const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const d = schema.callbackDraws;
  const draws = await ctx.db
    .select({ drawId: d.id, day: d.day, programId: d.programId, programName: schema.programs.name })
    .from(d)
    .innerJoin(schema.callbackPlans, eq(schema.callbackPlans.id, d.planId))
    .innerJoin(schema.programs, eq(schema.programs.id, d.programId))
    .where(and(eq(d.tenantId, ctx.principal.tenantId), eq(schema.callbackPlans.channel, 'link'), gte(d.day, since)))
    .orderBy(desc(d.day), schema.programs.name);
  if (draws.length === 0) return [];
  const i = schema.callbackItems;
  const items = await ctx.db
    .select({ id: i.id, drawId: i.drawId, status: i.status })
    .from(i)
    .where(
      and(
        inArray(
          i.drawId,
          draws.map((x) => x.drawId)
        ),
        eq(i.channel, 'link')
      )
    );
  const links = await newestLinks(
    ctx.db,
    items.map((x) => x.id)
  );
  const byDraw = new Map<number, ReturnType<typeof linkState>[]>();
  for (const it of items) {
    const list = byDraw.get(it.drawId) ?? [];
    list.push(linkState(it, links.get(it.id) ?? null, now));
    byDraw.set(it.drawId, list);
  }
  return draws.map((x) => ({ ...x, counts: countStates(byDraw.get(x.drawId) ?? []) }));
}
