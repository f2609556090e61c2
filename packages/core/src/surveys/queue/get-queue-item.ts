import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { ANSWER_SCALES } from '@attentive/shared/surveys';
import type { QueueItemDetail } from '@attentive/shared/survey-queue';
import type { Ctx } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { loadClaimedItem, requireCaller } from './queue-support.ts';

export const GetQueueItemInput = z.object({ itemId: Id });

/** The customer's language: its contact's preference, else the call's language, else Dutch (most customers). */
export function surveyLanguage(contactLanguage: string | null, callLanguage: string | null): 'en' | 'nl' {
  if (contactLanguage === 'en' || contactLanguage === 'nl') return contactLanguage;
  const call = (callLanguage ?? '').toLowerCase();
  return call.startsWith('en') ? 'en' : 'nl';
}

/** "Anna" of "Anna de Vries": what a customer may be reminded of, not who the agent is. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/**
 * The script of an item the caller holds: the call's date, program, queue and reason, the agent's first
 * name, the customer's language and phone number (opened here, for the holder only: another caller's item
 * is NOT_FOUND), the survey's intro and questions in that language, and the attempts so far. Deliberately
 * no evaluation, score or e-mail address: the caller needs none of them to ask.
 */
export async function getQueueItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetQueueItemInput> }): Promise<QueueItemDetail> {
  const me = requireCaller(ctx);
  const { itemId } = parseInput(GetQueueItemInput, input);
  const item = await loadClaimedItem(ctx.db, ctx, itemId);
  if (!ctx.contactCipher)
    throw new DomainError('PRECONDITION_FAILED', 'The server has no CONTACT_DATA_KEY: customer phone numbers cannot be opened');
  const [facts] = await ctx.db
    .select({
      startedAt: schema.calls.startedAt,
      direction: schema.calls.direction,
      disposition: schema.calls.disposition,
      talkSeconds: schema.calls.talkSeconds,
      callLanguage: schema.calls.language,
      queueName: schema.queues.name,
      programName: schema.programs.name,
      clientName: schema.clients.name,
      agentName: schema.people.name,
      phoneCipher: schema.customerContacts.phoneCipher,
      contactLanguage: schema.customerContacts.language,
      maxAttempts: schema.callbackPlans.maxAttempts,
      retryMinutes: schema.callbackPlans.retryMinutes,
      templateVersionId: schema.callbackDraws.templateVersionId,
      intro: schema.surveyTemplateVersions.intro,
      questions: schema.surveyTemplateVersions.questions
    })
    .from(schema.callbackItems)
    .innerJoin(schema.calls, eq(schema.calls.id, schema.callbackItems.callId))
    .leftJoin(schema.queues, eq(schema.queues.id, schema.calls.queueId))
    .innerJoin(schema.programs, eq(schema.programs.id, schema.callbackItems.programId))
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .innerJoin(schema.people, eq(schema.people.id, schema.callbackItems.agentId))
    .innerJoin(schema.customerContacts, eq(schema.customerContacts.id, schema.callbackItems.contactId))
    .innerJoin(schema.callbackDraws, eq(schema.callbackDraws.id, schema.callbackItems.drawId))
    .innerJoin(schema.callbackPlans, eq(schema.callbackPlans.id, schema.callbackDraws.planId))
    .innerJoin(schema.surveyTemplateVersions, eq(schema.surveyTemplateVersions.id, schema.callbackDraws.templateVersionId))
    .where(eq(schema.callbackItems.id, item.id));
  const f = facts!;
  const language = surveyLanguage(f.contactLanguage, f.callLanguage);
  const history = await ctx.db
    .select({ at: schema.callbackAttempts.at, outcome: schema.callbackAttempts.outcome, callerId: schema.callbackAttempts.callerId })
    .from(schema.callbackAttempts)
    .where(eq(schema.callbackAttempts.itemId, item.id))
    .orderBy(asc(schema.callbackAttempts.at), asc(schema.callbackAttempts.id));
  return {
    id: item.id,
    status: item.status,
    attempts: item.attempts,
    maxAttempts: f.maxAttempts,
    retryMinutes: f.retryMinutes,
    claimedAt: item.claimedAt!.toISOString(),
    call: {
      startedAt: f.startedAt.toISOString(),
      programName: f.programName,
      clientName: f.clientName,
      direction: f.direction,
      queueName: f.queueName ?? null,
      reason: f.disposition ?? null,
      talkSeconds: f.talkSeconds
    },
    agentFirstName: firstName(f.agentName),
    language,
    phone: f.phoneCipher ? ctx.contactCipher.decrypt(f.phoneCipher) : null,
    templateVersionId: f.templateVersionId,
    intro: f.intro[language],
    questions: f.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      attribution: q.attribution,
      required: q.required,
      text: q.text[language],
      scale: ANSWER_SCALES[q.kind]
    })),
    history: history.map((h) => ({ at: h.at.toISOString(), outcome: h.outcome, byMe: h.callerId === me }))
  };
}
