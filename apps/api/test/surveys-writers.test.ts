import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { DomainError, closeExpiredLinkItems, eraseExpiredContacts, optOutContact, recordSurveyResponse } from '@attentive/core';
import { callbackItems } from './support/callback-items.ts';

// The foundation's writers against a real database: the one writer of a response (validation, the closing
// attempt, the alert, single use) and the retention job.

const NOW = new Date('2026-12-02T12:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;

beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db, { callsPerAgent: 3, start: new Date('2026-11-30T09:00:00Z') });
});
afterAll(() => t.cleanup());

const itemRow = async (id: number) => (await t.db.select().from(schema.callbackItems).where(eq(schema.callbackItems.id, id)))[0]!;
const count = async (table: typeof schema.surveyResponses | typeof schema.surveyAlerts | typeof schema.auditLog) =>
  (await t.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

describe('recordSurveyResponse', () => {
  it('stores the answers with their columns, closes the item with a completed attempt, raises an alert for a low score', async () => {
    const callIds = org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);
    const made = await callbackItems(t.db, { callIds: callIds.slice(0, 3), now: NOW });
    const [first, second] = made.items;
    const answer = (itemId: number, answers: Record<string, number | boolean | string>) =>
      t.db.transaction(async (tx) =>
        recordSurveyResponse(tx, {
          item: await itemRow(itemId),
          templateVersionId: made.templateVersionId,
          answers,
          channel: 'phone',
          callerId: null,
          language: 'nl',
          at: NOW,
          who: { actor: 'test' }
        })
      );
    const good = { csat: 5, solved: true, effort: 7, recommend: 10 };
    const r1 = await answer(first!.id, good);
    expect(r1.alertId).toBeNull();
    const item = await itemRow(first!.id);
    expect(item).toMatchObject({ status: 'completed', attempts: 1, closedAt: NOW });
    const [resp] = await t.db.select().from(schema.surveyResponses).where(eq(schema.surveyResponses.id, r1.responseId));
    expect(resp).toMatchObject({ csat: 5, fcrSolved: true, ces: 7, nps: 10, fcrRecontact: null, comment: null, language: 'nl' });

    // answering twice: refused, nothing more stored
    const before = { responses: await count(schema.surveyResponses), audit: await count(schema.auditLog) };
    await expect(answer(first!.id, good)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await count(schema.surveyResponses)).toBe(before.responses);
    expect(await count(schema.auditLog)).toBe(before.audit);

    // out of range: VALIDATION naming the answer, nothing stored, item still open
    const bad = await answer(second!.id, { ...good, csat: 9 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DomainError);
    expect((bad as DomainError).details?.map((d) => d.path)).toEqual(['answers.csat']);
    expect((await itemRow(second!.id)).status).toBe('open');

    // a low agent-attributable score raises an alert for service recovery
    const r2 = await answer(second!.id, { ...good, csat: 1, recommend: 2 });
    const [alert] = await t.db.select().from(schema.surveyAlerts).where(eq(schema.surveyAlerts.id, r2.alertId!));
    expect(alert).toMatchObject({ attribution: 'agent', status: 'open', agentId: (await itemRow(second!.id)).agentId });
    expect(alert!.reasons.map((r) => r.questionId)).toEqual(['csat', 'recommend']);
    expect(await count(schema.surveyAlerts)).toBe(1);
  });
});

describe('eraseExpiredContacts', () => {
  it('erases contact details past their retention, closes their open items, keeps the row and audits the ids', async () => {
    const callIds = org.calls.filter((c) => c.programId === org.programs.b.id).map((c) => c.id);
    const made = await callbackItems(t.db, { callIds: callIds.slice(0, 2), now: NOW });
    const [due, kept] = made.items;
    await t.db
      .update(schema.customerContacts)
      .set({ eraseAfter: new Date(NOW.getTime() - 1) })
      .where(eq(schema.customerContacts.id, due!.contactId));
    const erased = await eraseExpiredContacts({ db: t.db, now: NOW });
    expect(erased).toEqual([{ tenantId: made.tenantId, erased: 1 }]);
    const rows = await t.db.select().from(schema.customerContacts);
    const gone = rows.find((r) => r.id === due!.contactId)!;
    expect(gone).toMatchObject({ phoneCipher: null, emailCipher: null, erasedAt: NOW });
    expect(rows.find((r) => r.id === kept!.contactId)!.phoneCipher).not.toBeNull();
    expect((await itemRow(due!.id)).status).toBe('expired');
    expect((await itemRow(kept!.id)).status).toBe('open');
    const [audit] = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'customer_contacts.erase'));
    expect(JSON.parse(audit!.after as string)).toEqual({ count: 1, contactIds: [due!.contactId] });
    expect(JSON.stringify(audit)).not.toMatch(/\+316|example\.test/);
    // a second run finds nothing to do
    expect(await eraseExpiredContacts({ db: t.db, now: NOW })).toEqual([]);
  });
});

describe('optOutContact', () => {
  it("keeps the first opt-out time, closes the customer's other open items as declined, audits the id only", async () => {
    const callIds = org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);
    const made = await callbackItems(t.db, { callIds: callIds.slice(3, 5), now: NOW, day: '2026-12-01' });
    const [asked, other] = made.items;
    // the other item is the same customer's (a second call of theirs)
    await t.db.update(schema.callbackItems).set({ contactId: asked!.contactId }).where(eq(schema.callbackItems.id, other!.id));
    const optOut = (at: Date) =>
      t.db.transaction((tx) =>
        optOutContact(tx, { tenantId: made.tenantId, contactId: asked!.contactId, at, exceptItemId: asked!.id, who: { actor: 'test' } })
      );
    expect(await optOut(NOW)).toEqual({ alreadyOptedOut: false });
    expect(await optOut(new Date(NOW.getTime() + 1000))).toEqual({ alreadyOptedOut: true });
    const [contact] = await t.db.select().from(schema.customerContacts).where(eq(schema.customerContacts.id, asked!.contactId));
    expect(contact!.optedOutAt).toEqual(NOW);
    expect((await itemRow(asked!.id)).status).toBe('open');
    expect(await itemRow(other!.id)).toMatchObject({ status: 'declined', closedAt: NOW });
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'customer_contacts.opt_out'));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toMatch(/\+316|example\.test/);
  });
});

describe('closeExpiredLinkItems', () => {
  it('closes a link item as expired only when every link it had expired unanswered', async () => {
    const callIds = org.calls.filter((c) => c.programId === org.programs.b.id).map((c) => c.id);
    const made = await callbackItems(t.db, { callIds: callIds.slice(2, 6), now: NOW, day: '2026-11-30', channel: 'link' });
    const [expired, valid, used, none] = made.items;
    const link = (itemId: number, hash: string, expiresAt: number, usedAt: Date | null = null) =>
      t.db.insert(schema.surveyLinks).values({
        tenantId: made.tenantId,
        itemId,
        tokenHash: hash,
        expiresAt: new Date(expiresAt),
        usedAt,
        sentVia: 'email',
        createdBy: 'test'
      });
    await link(expired!.id, 'h1', NOW.getTime() - 1);
    await link(expired!.id, 'h2', NOW.getTime() - 1000);
    await link(valid!.id, 'h3', NOW.getTime() - 1);
    await link(valid!.id, 'h4', NOW.getTime() + 3_600_000);
    await link(used!.id, 'h5', NOW.getTime() - 1, new Date(NOW.getTime() - 5000));
    expect(await closeExpiredLinkItems(t.db, NOW)).toBe(1);
    expect(await itemRow(expired!.id)).toMatchObject({ status: 'expired', closedAt: NOW });
    for (const open of [valid, used, none]) expect((await itemRow(open!.id)).status).toBe('open');
    expect(await closeExpiredLinkItems(t.db, NOW)).toBe(0);
  });
});
