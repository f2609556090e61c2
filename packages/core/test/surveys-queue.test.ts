import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { CLAIM_STALE_MINUTES } from '@attentive/shared/survey-queue';
import { STANDARD_INTRO, STANDARD_QUESTIONS } from '@attentive/shared/surveys';
import type { Ctx } from '../src/context.ts';
import { contactCipher, newContactKey } from '../src/surveys/contact-cipher.ts';
import { listSurveyQueue, todayBounds } from '../src/surveys/queue/list-queue.ts';
import { claimSurveyItem } from '../src/surveys/queue/claim-item.ts';
import { firstName, surveyLanguage } from '../src/surveys/queue/get-queue-item.ts';
import { userPrincipal } from './verb-support.ts';

/**
 * The caller's queue against a real database, over random queues (fast-check): the order and the counts
 * equal a plain reference written from the rules, and callers claiming at once never share an item.
 */
const NOW = new Date('2026-12-02T10:00:00Z');
const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02'];
let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
const drawIds: number[] = [];
const callers: number[] = [];
const cipher = contactCipher(newContactKey());
const as = (personId: number): Ctx => ({
  db: t.db,
  principal: userPrincipal(org.tenantId, [{ role: 'survey_caller' }], personId),
  now: () => NOW,
  contactCipher: cipher
});

beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db, { callsPerAgent: 12, start: new Date('2026-11-28T08:00:00Z') });
  const { tenantId } = org;
  const programId = org.programs.a.id;
  const [tpl] = await t.db.insert(schema.surveyTemplates).values({ tenantId, programId, createdBy: 'test' }).returning();
  const [v] = await t.db
    .insert(schema.surveyTemplateVersions)
    .values({
      tenantId,
      templateId: tpl!.id,
      version: 1,
      name: 'S',
      intro: STANDARD_INTRO,
      questions: STANDARD_QUESTIONS,
      createdBy: 'test'
    })
    .returning();
  const [plan] = await t.db
    .insert(schema.callbackPlans)
    .values({ tenantId, programId, templateId: tpl!.id, dailyCount: 10, updatedAt: NOW, updatedBy: 'test' })
    .returning();
  for (const day of DAYS) {
    const [d] = await t.db
      .insert(schema.callbackDraws)
      .values({
        tenantId,
        planId: plan!.id,
        programId,
        templateVersionId: v!.id,
        day,
        windowStart: NOW,
        windowEnd: NOW,
        seed: '00',
        populationHash: '00',
        populationSize: 0,
        excluded: {},
        selectedCount: 0,
        trigger: 'manual',
        requestedBy: 'test'
      })
      .returning();
    drawIds.push(d!.id);
  }
  for (const name of ['Ann', 'Bob', 'Cas', 'Dee']) {
    const [p] = await t.db
      .insert(schema.people)
      .values({ tenantId, code: `C-${name}`, name })
      .returning();
    callers.push(p!.id);
  }
});
afterAll(() => t.cleanup());

type Spec = {
  draw: number;
  rank: string;
  status: 'open' | 'completed' | 'unreachable';
  channel: 'phone' | 'link';
  optedOut: boolean;
  erased: boolean;
  /** Minutes from NOW of the next try (negative: due). */
  next: number;
  /** Claimed by caller index, minutes ago. */
  claim: { by: number; ago: number } | null;
};
const spec: fc.Arbitrary<Spec> = fc.record({
  draw: fc.integer({ min: 0, max: 2 }),
  rank: fc.stringMatching(/^[0-9a-f]{8}$/),
  status: fc.constantFrom('open', 'open', 'open', 'completed', 'unreachable'),
  channel: fc.constantFrom('phone', 'phone', 'phone', 'link'),
  optedOut: fc.constantFrom(false, false, false, false, true),
  erased: fc.constantFrom(false, false, false, false, true),
  next: fc.integer({ min: -600, max: 900 }),
  claim: fc.option(fc.record({ by: fc.integer({ min: 0, max: 3 }), ago: fc.integer({ min: 0, max: 60 }) }), { freq: 3 })
});

/** Replaces the tenant's items with these (one call each). */
async function store(specs: Spec[]) {
  await t.db.delete(schema.callbackAttempts);
  await t.db.delete(schema.callbackItems);
  await t.db.delete(schema.customerContacts);
  const calls = org.calls.filter((c) => c.programId === org.programs.a.id);
  const ids: number[] = [];
  for (const [i, s] of specs.entries()) {
    const [c] = await t.db
      .insert(schema.customerContacts)
      .values({
        tenantId: org.tenantId,
        customerRef: `c-${i}`,
        phoneCipher: s.erased ? null : cipher.encrypt(`+3160000${i}`),
        optedOutAt: s.optedOut ? NOW : null,
        erasedAt: s.erased ? NOW : null,
        eraseAfter: NOW,
        updatedAt: NOW
      })
      .returning();
    const [item] = await t.db
      .insert(schema.callbackItems)
      .values({
        tenantId: org.tenantId,
        drawId: drawIds[s.draw]!,
        programId: org.programs.a.id,
        callId: calls[i]!.id,
        agentId: calls[i]!.agentId,
        contactId: c!.id,
        rank: `${s.rank}-${String(i).padStart(3, '0')}`,
        channel: s.channel,
        status: s.status,
        nextAttemptAt: new Date(NOW.getTime() + s.next * 60_000),
        claimedBy: s.claim ? callers[s.claim.by]! : null,
        claimedAt: s.claim ? new Date(NOW.getTime() - s.claim.ago * 60_000) : null
      })
      .returning();
    ids.push(item!.id);
  }
  return ids;
}

const callable = (s: Spec) => s.status === 'open' && s.channel === 'phone' && !s.optedOut && !s.erased;
const free = (s: Spec) => !s.claim || s.claim.ago > CLAIM_STALE_MINUTES;
const dueRef = (specs: Spec[], ids: number[]) =>
  specs
    .map((s, i) => ({ s, id: ids[i]!, key: `${DAYS[s.draw]} ${s.rank}-${String(i).padStart(3, '0')}` }))
    .filter(({ s }) => callable(s) && free(s) && s.next <= 0)
    .sort((a, b) => (a.key < b.key ? -1 : 1));

describe('the queue over random items', () => {
  it('lists my open claims first, then exactly the due items in draw-day and rank order, with matching counts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 0, maxLength: 20 }), async (specs) => {
        const ids = await store(specs);
        const me = callers[0]!;
        const q = await listSurveyQueue({ ctx: as(me) });
        const mine = specs.map((s, i) => ({ s, id: ids[i]! })).filter(({ s }) => s.status === 'open' && s.claim?.by === 0);
        const due = dueRef(specs, ids).filter((d) => !mine.some((m) => m.id === d.id));
        expect(new Set(q.items.slice(0, mine.length).map((i) => i.id))).toEqual(new Set(mine.map((m) => m.id)));
        expect(q.items.slice(mine.length).map((i) => i.id)).toEqual(due.map((d) => d.id));
        expect(q.items.every((i) => i.mine === mine.some((m) => m.id === i.id))).toBe(true);
        const { end } = todayBounds(NOW, 'Europe/Amsterdam');
        const endMinutes = (end.getTime() - NOW.getTime()) / 60_000;
        expect(q.counts.dueNow).toBe(dueRef(specs, ids).length);
        expect(q.counts.laterToday).toBe(specs.filter((s) => callable(s) && free(s) && s.next > 0 && s.next < endMinutes).length);
      }),
      { numRuns: 25 }
    );
  });

  it('callers claiming at once never get the same item, and get one each while enough are due', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 0, maxLength: 12 }), async (raw) => {
        const specs = raw.map((s) => ({ ...s, claim: null })); // nobody holds anything yet
        const ids = await store(specs);
        const due = dueRef(specs, ids).map((d) => d.id);
        const got = await Promise.all(callers.map((c) => claimSurveyItem({ ctx: as(c), input: {} })));
        const taken = got.map((g) => g.itemId).filter((x): x is number => x != null);
        expect(new Set(taken).size).toBe(taken.length);
        expect(taken.length).toBe(Math.min(callers.length, due.length));
        // the first in line are the ones given out
        expect(new Set(taken)).toEqual(new Set(due.slice(0, taken.length)));
        const rows = taken.length ? await t.db.select().from(schema.callbackItems).where(inArray(schema.callbackItems.id, taken)) : [];
        for (const r of rows) expect(callers[got.findIndex((g) => g.itemId === r.id)]).toBe(r.claimedBy);
      }),
      { numRuns: 20 }
    );
  });
});

describe('small rules', () => {
  it("the survey language: the contact's, else the call's (en…/nl…), else Dutch", () => {
    expect(surveyLanguage('en', 'nl-NL')).toBe('en');
    expect(surveyLanguage(null, 'en-GB')).toBe('en');
    expect(surveyLanguage(null, 'NL')).toBe('nl');
    expect(surveyLanguage(null, null)).toBe('nl');
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => ['en', 'nl'].includes(surveyLanguage(a, b))));
  });

  it('the first name is the first word and never more than the name', () => {
    expect(firstName('Anna de Vries')).toBe('Anna');
    expect(firstName('  Séverine ')).toBe('Séverine');
    fc.assert(fc.property(fc.string(), (n) => n.includes(firstName(n)) && !/\s/.test(firstName(n))));
  });

  it("today's bounds hold now, in any zone", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        (d, z) => {
          const { start, end } = todayBounds(d, z);
          return (
            start <= d && d < end && end.getTime() - start.getTime() >= 23 * 3_600_000 && end.getTime() - start.getTime() <= 25 * 3_600_000
          );
        }
      )
    );
  });
});
