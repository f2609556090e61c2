import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { STANDARD_INTRO, STANDARD_QUESTIONS, type SurveyAnswers } from '@attentive/shared/surveys';
import type { Db, Tx } from '../client.ts';
import { calls } from '../schema/calls.ts';
import { people, programs, tenants } from '../schema/org.ts';
import {
  callbackDraws,
  callbackItems,
  callbackPlans,
  customerContacts,
  surveyAlerts,
  surveyLinks,
  surveyTemplateVersions,
  surveyTemplates
} from '../schema/surveys.ts';
import { DEMO_EMAIL_DOMAIN } from './accounts.ts';
import { skillOf } from './coaching.ts';
import { createRng, type Rng } from './prng.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Days of callback results the demo holds. */
export const DEMO_SURVEY_DAYS = 90;
/** The demo's callback plans: EN-CARE is called back by the survey caller, TC-CARE gets an e-mail link. */
export const DEMO_SURVEY_PROGRAMS = [
  { code: 'EN-CARE', channel: 'phone', dailyCount: 10 },
  { code: 'TC-CARE', channel: 'link', dailyCount: 8 }
] as const;
/** Share of customers with contact details on file, and of those who asked never to be surveyed. */
const WITH_CONTACT = 0.88;
const OPTED_OUT = 0.03;

type Contact = { id: number; language: 'en' | 'nl'; optedOutAt: number | null; hasEmail: boolean };

/**
 * 90 days of callback surveys for two programs, consistent with the demo calls: each day's callback list is
 * drawn at 08:00 (tenant zone) from the program's calls 24–72 hours before, by THE draw of call sampling
 * (rank = HMAC(seed, call id), population hash), leaving out customers without contact details, who opted out
 * or who were surveyed in the last 90 days. Contact details are sealed with the server's key (contactCipher).
 * The survey caller's attempts go through THE attempt writer (retry rules), every answer through THE
 * response writer (validation, the closing attempt, low-score alerts), so figures, alerts and the queue are
 * what the product would have made. Customers answer after the agent's skill (the coaching demo's), so QA
 * scores and what customers say can be compared. Today's and yesterday's lists are still being worked: the
 * caller's queue is not empty. Does nothing without a key or when the tenant has survey templates.
 */
export async function seedDemoSurveys(db: Db, tenantId: number, now: Date, contactKey: string | undefined) {
  if (!contactKey) return { items: 0, responses: 0 };
  // db cannot depend on core (core depends on db): the demo borrows core's code at run time.
  const { contactCipher } = await import('@attentive/core/surveys/contact-cipher');
  const { recordSurveyResponse } = await import('@attentive/core/surveys/record-response');
  const { appendAttempt } = await import('@attentive/core/surveys/record-attempt');
  const { closeExpiredLinkItems } = await import('@attentive/core/surveys/retention/erase-expired-contacts');
  const { computeCallbackDraw } = await import('@attentive/core/surveys/lists/draw-compute');
  const { markSurveyAlertHandled } = await import('@attentive/core/surveys/results/handle-survey-alert');
  const { localDate, zonedMidnight } = await import('@attentive/core/sampling/period');
  const cipher = contactCipher(contactKey);

  const [tenant] = await db.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
  const existing = await db.select({ id: surveyTemplates.id }).from(surveyTemplates).where(eq(surveyTemplates.tenantId, tenantId)).limit(1);
  if (!tenant || existing.length) return { items: 0, responses: 0 };
  const tz = tenant.timeZone;
  const staff = await db
    .select({ id: people.id, code: people.code })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.code, ['SC01', 'QA01'])));
  const caller = staff.find((p) => p.code === 'SC01');
  const qaLabel = staff.some((p) => p.code === 'QA01') ? `user:qa@${DEMO_EMAIL_DOMAIN}` : 'system:demo';
  const callerLabel = `user:caller@${DEMO_EMAIL_DOMAIN}`;
  if (!caller) return { items: 0, responses: 0 };

  const today = localDate(tz, now);
  const dayStart = (offset: number) => {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    return zonedMidnight(tz, y, m, d + offset);
  };
  const firstDay = dayStart(-DEMO_SURVEY_DAYS + 1);
  // The caller's last shift ended before yesterday's list was drawn: that list and the retries of the day
  // before are what the caller finds in the queue today.
  const callerStopped = new Date(dayStart(-1).getTime() + 7 * HOUR_MS);
  let items = 0;
  let responses = 0;

  return db.transaction(async (tx) => {
    // Every demo call exists before the lists are drawn: the highest id is the draws' "calls that existed".
    const [{ maxCallId } = { maxCallId: 0 }] = await tx.select({ maxCallId: sql<number>`coalesce(max(${calls.id}), 0)` }).from(calls);
    for (const plan of DEMO_SURVEY_PROGRAMS) {
      const [program] = await tx
        .select({ id: programs.id })
        .from(programs)
        .where(and(eq(programs.tenantId, tenantId), eq(programs.code, plan.code)));
      if (!program) continue;
      const rng = createRng(`surveys/${tenantId}/${plan.code}`);
      const createdAt = new Date(firstDay.getTime() - 10 * DAY_MS);
      const [template] = await tx
        .insert(surveyTemplates)
        .values({ tenantId, programId: program.id, createdBy: qaLabel, createdAt })
        .returning({ id: surveyTemplates.id });
      const [version] = await tx
        .insert(surveyTemplateVersions)
        .values({
          tenantId,
          templateId: template!.id,
          version: 1,
          name: 'Standard survey',
          intro: STANDARD_INTRO,
          questions: STANDARD_QUESTIONS,
          note: 'The standard questions',
          createdBy: qaLabel,
          createdAt
        })
        .returning({ id: surveyTemplateVersions.id });
      const [planRow] = await tx
        .insert(callbackPlans)
        .values({
          tenantId,
          programId: program.id,
          templateId: template!.id,
          channel: plan.channel,
          dailyCount: plan.dailyCount,
          createdAt,
          updatedAt: createdAt,
          updatedBy: qaLabel
        })
        .returning();

      // The program's calls of the period (those without a customer reference too: the draw counts them as
      // without contact details, as the product's draw does), with the customers' details (sealed) and opt-outs.
      const rows = await tx
        .select({
          id: calls.id,
          startedAt: calls.startedAt,
          agentId: calls.agentId,
          agentCode: people.code,
          customerRef: calls.customerRef
        })
        .from(calls)
        .innerJoin(people, eq(people.id, calls.agentId))
        .where(
          and(eq(calls.programId, program.id), gte(calls.startedAt, new Date(firstDay.getTime() - 3 * DAY_MS)), lt(calls.startedAt, now))
        )
        .orderBy(asc(calls.startedAt), asc(calls.id));
      const contacts = await insertContacts(tx, {
        tenantId,
        rows: rows.flatMap((r) => (r.customerRef == null ? [] : [{ ...r, startedAt: r.startedAt.getTime(), customerRef: r.customerRef }])),
        cipher,
        rng: rng.fork('contacts'),
        now
      });

      const lastDrawnAt = new Map<number, number>(); // contact id → last draw time
      const drawnCalls = new Set<number>();
      const candidates = rows.map((r) => ({
        callId: r.id,
        agentId: r.agentId,
        startedAt: r.startedAt.getTime(),
        customerRef: r.customerRef
      }));
      const byCall = new Map(rows.map((r) => [r.id, { agentCode: r.agentCode, customerRef: r.customerRef! }]));
      const contactState = (ref: string | null) => {
        const c = ref == null ? undefined : contacts.get(ref);
        if (!c) return null;
        return {
          id: c.id,
          hasPhone: true,
          hasEmail: c.hasEmail,
          optedOutAt: c.optedOutAt,
          erasedAt: null,
          lastDrawnAt: lastDrawnAt.get(c.id) ?? null
        };
      };
      for (let offset = -DEMO_SURVEY_DAYS + 1; offset <= 0; offset++) {
        const drawAt = new Date(dayStart(offset).getTime() + 8 * HOUR_MS);
        if (drawAt > now) break;
        // THE daily draw (core surveys/lists/draw-compute): window, exclusions, sampling's ranker and population hash.
        const seed = createHash('sha256').update(`demo-callback/${tenantId}/${plan.code}/${offset}`).digest('hex');
        const rules = {
          channel: planRow!.channel,
          dailyCount: planRow!.dailyCount,
          delayMinHours: planRow!.delayMinHours,
          delayMaxHours: planRow!.delayMaxHours,
          quietDays: planRow!.quietDays
        };
        const drawn = computeCallbackDraw({
          seed,
          at: drawAt.getTime(),
          rules,
          calls: candidates.map((c) => ({ ...c, alreadyDrawn: drawnCalls.has(c.callId), contact: contactState(c.customerRef) }))
        });
        const [draw] = await tx
          .insert(callbackDraws)
          .values({
            tenantId,
            planId: planRow!.id,
            programId: program.id,
            templateVersionId: version!.id,
            day: localDate(tz, drawAt),
            windowStart: new Date(drawn.window.start),
            windowEnd: new Date(drawn.window.end),
            seed,
            populationHash: drawn.populationHash,
            populationSize: drawn.population.length,
            excluded: drawn.excluded,
            selectedCount: drawn.items.length,
            // What verifying recomputes from, as the product's draw stores it (core surveys/lists/draw-callback-list).
            snapshot: { v: 1, at: drawAt.getTime(), rules, maxCallId, excludedIds: drawn.excludedIds },
            trigger: 'schedule',
            requestedBy: 'system:scheduler',
            createdAt: drawAt
          })
          .returning({ id: callbackDraws.id });
        const chosen = drawn.items.map((d) => ({ ...d, ...byCall.get(d.callId)! }));
        for (const e of chosen) {
          const contact = contacts.get(e.customerRef)!;
          lastDrawnAt.set(contact.id, drawAt.getTime());
          drawnCalls.add(e.callId);
          const [item] = await tx
            .insert(callbackItems)
            .values({
              tenantId,
              drawId: draw!.id,
              programId: program.id,
              callId: e.callId,
              agentId: e.agentId,
              contactId: contact.id,
              rank: e.rank,
              channel: plan.channel,
              nextAttemptAt: drawAt,
              createdAt: drawAt
            })
            .returning();
          items++;
          const customer = customerOf(e.agentCode, tenantId, rng.fork(`item/${e.callId}`));
          const answered = await (plan.channel === 'phone'
            ? workByPhone(tx, { item: item!, drawAt, now: callerStopped, customer, callerId: caller.id })
            : answerByLink(tx, { item: item!, drawAt, now, customer, validHours: planRow!.linkValidHours, by: qaLabel }));
          if (!answered) continue;
          await recordSurveyResponse(tx, {
            item: (await tx.select().from(callbackItems).where(eq(callbackItems.id, item!.id)))[0]!,
            templateVersionId: version!.id,
            answers: customer.answers,
            channel: plan.channel,
            callerId: plan.channel === 'phone' ? caller.id : null,
            language: contact.language,
            at: answered,
            who: plan.channel === 'phone' ? { actor: callerLabel } : { actor: `respondent:link item ${item!.id}` }
          });
          responses++;
        }
      }
    }
    // Alerts older than a week were followed up by the team lead (service recovery done).
    // Through THE handling writer (audited), a day after the alert, as the lead's own action.
    const old = await tx
      .select({ id: surveyAlerts.id, createdAt: surveyAlerts.createdAt })
      .from(surveyAlerts)
      .where(and(eq(surveyAlerts.tenantId, tenantId), lt(surveyAlerts.createdAt, new Date(now.getTime() - 7 * DAY_MS))))
      .orderBy(asc(surveyAlerts.id));
    for (const a of old)
      await markSurveyAlertHandled(tx, {
        alert: { id: a.id, tenantId },
        note: 'Called the customer back; sorted out.',
        at: new Date(a.createdAt.getTime() + DAY_MS),
        who: { actor: `user:tl01@${DEMO_EMAIL_DOMAIN}` }
      });
    // Links not answered in time: their items close as expired (THE expiry writer, as the hourly job does).
    await closeExpiredLinkItems(tx, now);
    return { items, responses };

    /** The survey caller's tries: from 09:00 the day of the draw, the retry spacing apart, as long as they lie in the past. */
    async function workByPhone(
      t: Tx,
      o: { item: typeof callbackItems.$inferSelect; drawAt: Date; now: Date; customer: DemoCustomer; callerId: number }
    ): Promise<Date | null> {
      let item = o.item;
      let at = new Date(o.drawAt.getTime() + HOUR_MS + Math.floor(o.customer.rng.next() * 6 * HOUR_MS));
      for (;;) {
        if (at > o.now || item.status !== 'open') return null;
        const outcome = o.customer.nextOutcome(item.attempts);
        if (outcome === 'completed') return at;
        const r = await appendAttempt(t, item, { outcome, callerId: o.callerId, at });
        item = { ...item, attempts: r.attempts, status: r.status };
        at = new Date(r.nextAttemptAt.getTime() + Math.floor(o.customer.rng.next() * 2 * HOUR_MS));
      }
    }
  });

  /** An e-mail link sent at the draw; answered within its validity (or never). */
  async function answerByLink(
    t: Tx,
    o: { item: typeof callbackItems.$inferSelect; drawAt: Date; now: Date; customer: DemoCustomer; validHours: number; by: string }
  ): Promise<Date | null> {
    const sentAt = new Date(o.drawAt.getTime() + 5 * 60_000);
    const expiresAt = new Date(sentAt.getTime() + o.validHours * HOUR_MS);
    const answerAt = new Date(sentAt.getTime() + Math.floor(o.customer.rng.next() * 40 * HOUR_MS));
    const answers = o.customer.answersLink && answerAt < o.now;
    await t.insert(surveyLinks).values({
      tenantId: o.item.tenantId,
      itemId: o.item.id,
      // Nobody holds the demo's tokens: a random one is made and forgotten, only its hash is kept.
      tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      expiresAt,
      usedAt: answers ? answerAt : null,
      sentVia: 'email',
      sentAt,
      createdAt: sentAt,
      createdBy: o.by
    });
    return answers ? answerAt : null;
  }
}

type DemoCustomer = {
  rng: Rng;
  answers: SurveyAnswers;
  answersLink: boolean;
  nextOutcome: (attempts: number) => 'no_answer' | 'voicemail' | 'wrong_number' | 'declined' | 'completed';
};

/**
 * What a customer of this agent answers. Satisfaction and resolution follow the agent's skill (the coaching
 * demo's): customer-oriented handling weighs most, as the product sets out to show; effort and recommending
 * follow resolution; a few customers are unhappy whatever the agent did (the process).
 */
function customerOf(agentCode: string, tenantId: number, rng: Rng): DemoCustomer {
  const skill = skillOf(agentCode, createRng(`coaching/${tenantId}`).fork(agentCode));
  const quality = Math.max(0, Math.min(1, 0.3 * skill.friendly + 0.7 * skill.oriented + 0.18 * rng.normal()));
  const solved = rng.chance(0.62 + 0.35 * quality);
  const processTrouble = rng.chance(0.08);
  const csat = clampInt(1.6 + 3.6 * quality + 0.6 * rng.normal() - (solved ? 0 : 0.9), 1, 5);
  const effort = clampInt((solved ? 5.2 : 3) + 1.1 * rng.normal() - (processTrouble ? 2 : 0), 1, 7);
  const recommend = clampInt(2 + 8 * (0.5 * quality + (0.5 * (effort - 1)) / 6) + 1.3 * rng.normal() - (processTrouble ? 3 : 0), 0, 10);
  const answers: SurveyAnswers = { csat, solved, effort, recommend };
  if (rng.chance(0.8)) answers.recontact = !solved ? rng.chance(0.7) : rng.chance(0.08);
  if (rng.chance(0.6)) answers.promise = rng.chance(0.7 + 0.28 * quality);
  if (rng.chance(0.3)) answers.comment = rng.pick(csat >= 4 ? PRAISE : csat <= 2 ? COMPLAINTS : NEUTRAL);
  const reach = rng.chance(0.04) ? 'wrong' : rng.chance(0.1) ? 'declines' : 'talks';
  const pickUp = 0.45 + 0.2 * rng.next();
  return {
    rng,
    answers,
    answersLink: rng.chance(0.38),
    nextOutcome(attempts) {
      if (reach === 'wrong') return attempts === 0 ? 'wrong_number' : 'completed';
      if (!rng.chance(pickUp)) return rng.chance(0.4) ? 'voicemail' : 'no_answer';
      return reach === 'declines' ? 'declined' : 'completed';
    }
  };
}

const clampInt = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

const PRAISE = [
  'Heel vriendelijk en snel geholpen.',
  'De medewerker dacht echt met me mee.',
  'Duidelijke uitleg, dank u.',
  'Very helpful, sorted in one call.'
];
const NEUTRAL = ['Prima, maar het wachten duurde lang.', 'Het ging wel, ik moest wel twee keer uitleggen wat ik bedoelde.', 'OK overall.'];
const COMPLAINTS = [
  'Niemand heeft me teruggebeld zoals beloofd.',
  'Ik werd doorverbonden en moest alles opnieuw vertellen.',
  'Mijn probleem is nog steeds niet opgelost.',
  'Nobody called me back as promised.'
];

/** One contact row per customer (88% have details on file, 3% opted out), sealed; erased 90 days after their last call. */
async function insertContacts(
  tx: Tx,
  o: {
    tenantId: number;
    rows: { customerRef: string; startedAt: number }[];
    cipher: { encrypt(s: string): string };
    rng: Rng;
    now: Date;
  }
): Promise<Map<string, Contact>> {
  const lastCall = new Map<string, number>();
  for (const r of o.rows) lastCall.set(r.customerRef, Math.max(lastCall.get(r.customerRef) ?? 0, r.startedAt));
  const out = new Map<string, Contact>();
  const values: (typeof customerContacts.$inferInsert)[] = [];
  for (const [ref, last] of lastCall) {
    const r = o.rng.fork(ref);
    if (!r.chance(WITH_CONTACT)) continue;
    const language = r.chance(0.85) ? 'nl' : 'en';
    const digits = String(r.int(10_000_000, 99_999_999));
    values.push({
      tenantId: o.tenantId,
      customerRef: ref,
      phoneCipher: o.cipher.encrypt(`+31 6 ${digits.slice(0, 4)} ${digits.slice(4)}`),
      emailCipher: r.chance(0.8) ? o.cipher.encrypt(`klant.${ref.toLowerCase()}@example.test`) : null,
      language,
      optedOutAt: r.chance(OPTED_OUT) ? new Date(last) : null,
      eraseAfter: new Date(last + 90 * DAY_MS),
      createdAt: new Date(last),
      updatedAt: new Date(last)
    });
  }
  for (let i = 0; i < values.length; i += 200) {
    const rows = await tx
      .insert(customerContacts)
      .values(values.slice(i, i + 200))
      .onConflictDoNothing()
      .returning({
        id: customerContacts.id,
        ref: customerContacts.customerRef,
        language: customerContacts.language,
        optedOutAt: customerContacts.optedOutAt,
        email: customerContacts.emailCipher
      });
    for (const r of rows)
      out.set(r.ref, { id: r.id, language: r.language ?? 'nl', optedOutAt: r.optedOutAt?.getTime() ?? null, hasEmail: r.email != null });
  }
  return out;
}
