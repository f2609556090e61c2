import { eq, inArray } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { STANDARD_INTRO, STANDARD_QUESTIONS } from '@attentive/shared/surveys';
import { contactCipher, populationHash } from '@attentive/core';

/** The key the API tests seal contact details with (pass it as CONTACT_DATA_KEY to loadEnv). */
export const TEST_CONTACT_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Open callback items for the given calls, with what they need (the program's standard survey template, a
 * callback plan, a draw, sealed contact details), stored straight in the database: tests of the caller's
 * queue, the links and the results need items, not the daily draw (the lists slice tests that).
 * All calls must be of one program. Contact i gets +31 6 1000 000i and customer-i@example.test.
 */
export async function callbackItems(
  db: Db,
  o: {
    callIds: number[];
    /** The items' ranks in call order (default 0…0, 0…1, …): items are frozen once drawn, so set them here. */
    ranks?: string[];
    channel?: 'phone' | 'link';
    day?: string;
    maxAttempts?: number;
    retryMinutes?: number;
    now?: Date;
  }
) {
  const now = o.now ?? new Date();
  const calls = await db
    .select({ id: schema.calls.id, tenantId: schema.calls.tenantId, programId: schema.calls.programId, agentId: schema.calls.agentId })
    .from(schema.calls)
    .where(inArray(schema.calls.id, o.callIds));
  if (calls.length !== o.callIds.length) throw new Error('callbackItems: some calls do not exist');
  const { tenantId, programId } = calls[0]!;
  if (calls.some((c) => c.programId !== programId)) throw new Error('callbackItems: calls of one program only');
  const cipher = contactCipher(TEST_CONTACT_KEY);

  let [template] = await db
    .select({ id: schema.surveyTemplates.id })
    .from(schema.surveyTemplates)
    .where(eq(schema.surveyTemplates.programId, programId));
  let versionId: number;
  if (!template) {
    [template] = await db
      .insert(schema.surveyTemplates)
      .values({ tenantId, programId, createdBy: 'test' })
      .returning({ id: schema.surveyTemplates.id });
    const [v] = await db
      .insert(schema.surveyTemplateVersions)
      .values({
        tenantId,
        templateId: template!.id,
        version: 1,
        name: 'Standard survey',
        intro: STANDARD_INTRO,
        questions: STANDARD_QUESTIONS,
        createdBy: 'test'
      })
      .returning({ id: schema.surveyTemplateVersions.id });
    versionId = v!.id;
  } else {
    const [v] = await db
      .select({ id: schema.surveyTemplateVersions.id })
      .from(schema.surveyTemplateVersions)
      .where(eq(schema.surveyTemplateVersions.templateId, template.id));
    versionId = v!.id;
  }
  let [plan] = await db
    .select({ id: schema.callbackPlans.id })
    .from(schema.callbackPlans)
    .where(eq(schema.callbackPlans.programId, programId));
  if (!plan)
    [plan] = await db
      .insert(schema.callbackPlans)
      .values({
        tenantId,
        programId,
        templateId: template!.id,
        channel: o.channel ?? 'phone',
        dailyCount: 10,
        maxAttempts: o.maxAttempts ?? 3,
        retryMinutes: o.retryMinutes ?? 240,
        updatedAt: now,
        updatedBy: 'test'
      })
      .returning({ id: schema.callbackPlans.id });
  const day = o.day ?? now.toISOString().slice(0, 10);
  const [draw] = await db
    .insert(schema.callbackDraws)
    .values({
      tenantId,
      planId: plan!.id,
      programId,
      templateVersionId: versionId,
      day,
      windowStart: new Date(now.getTime() - 72 * 3_600_000),
      windowEnd: new Date(now.getTime() - 24 * 3_600_000),
      seed: '00'.repeat(32),
      populationHash: populationHash(o.callIds),
      populationSize: o.callIds.length,
      excluded: {},
      selectedCount: o.callIds.length,
      trigger: 'manual',
      requestedBy: 'test'
    })
    .returning({ id: schema.callbackDraws.id });
  const items: { id: number; callId: number; contactId: number }[] = [];
  for (const [i, c] of calls.entries()) {
    const [contact] = await db
      .insert(schema.customerContacts)
      .values({
        tenantId,
        customerRef: `test-customer-${c.id}`,
        phoneCipher: cipher.encrypt(`+3161000000${i}`),
        emailCipher: cipher.encrypt(`customer-${i}@example.test`),
        eraseAfter: new Date(now.getTime() + 90 * 86_400_000),
        updatedAt: now
      })
      .returning({ id: schema.customerContacts.id });
    const [item] = await db
      .insert(schema.callbackItems)
      .values({
        tenantId,
        drawId: draw!.id,
        programId,
        callId: c.id,
        agentId: c.agentId,
        contactId: contact!.id,
        rank: o.ranks?.[i] ?? String(i).padStart(64, '0'),
        channel: o.channel ?? 'phone',
        nextAttemptAt: now
      })
      .returning({ id: schema.callbackItems.id });
    items.push({ id: item!.id, callId: c.id, contactId: contact!.id });
  }
  return { tenantId, programId, templateId: template!.id, templateVersionId: versionId, planId: plan!.id, drawId: draw!.id, items };
}
