import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { cachedScoreOf as CachedScoreOf } from '@attentive/core/evaluations/cached-score';
import type { MysteryCallReport } from '@attentive/core/mystery/calls/validate-report';
import type { MysteryGridCell } from '../schema/mystery.ts';
import type { Db, Tx } from '../client.ts';
import { calls } from '../schema/calls.ts';
import { evaluationRevisions, evaluations } from '../schema/evaluations.ts';
import { mysteryAssignments, mysteryCalls, mysteryPlans, mysteryScenarios, mysteryScenarioVersions } from '../schema/mystery.ts';
import { people, programs, tenants } from '../schema/org.ts';
import { roleAssignments } from '../schema/access.ts';
import { scorecards, scorecardVersions } from '../schema/scorecards.ts';
import { answersFor, skillOf } from './coaching.ts';
import { DEMO_MYSTERY_PROGRAMS, HEARD_FIRST_NAMES, demoMysteryScorecard, type DemoMysteryProgram } from './mystery-scenarios.ts';
import { demoHandling, demoReach } from './mystery-reach.ts';
import { createRng, type Rng } from './prng.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The second demo shopper: an outside agency's, with the role but no sign-in. */
export const DEMO_SECOND_SHOPPER = { code: 'MS02', name: 'Ilse Verbeek' } as const;
/** Share of answered calls the QA analyst later matched to the imported call record (and so to the agent). */
const MATCHED_SHARE = 0.65;

type Period = { start: Date; end: Date; label: string };
type Shopper = { id: number; label: string };
type Planned = { windowStart: Date; windowEnd: Date; weekday: number; hour: number; scenarioVersionId: number; shopperId: number };
/** An imported inbound call a mystery call can be matched to. */
type LineCall = { id: number; startedAt: number; agentId: number; agentCode: string; agentName: string };

/**
 * Mystery calls for two programs (EN-CARE, which the demo energy auditor sees, and TC-CARE): a mystery-call form
 * sharing the comparable items of the call scorecard, a scenario library, a published plan for the last full
 * month (tenant zone) with every call completed, and this month's plan whose coming calls are still open.
 * Built with the code the product uses: THE planner (core mystery/plans/plan-month) spreads the calls by the
 * program's imported volume; every call passes the shopper form's rules (core mystery/calls/validate-report);
 * every answered call has a submitted 'mystery' evaluation scored by THE cached-score writer. About 60% of the
 * answered calls are matched to an agent through an imported call of the program at that time.
 * Does nothing when the tenant already has a mystery plan.
 */
export async function seedDemoMystery(db: Db, tenantId: number, now: Date) {
  // db cannot depend on core (core depends on db): the demo borrows core's pure functions at run time.
  const { cachedScoreOf } = await import('@attentive/core/evaluations/cached-score');
  const { planMonth } = await import('@attentive/core/mystery/plans/plan-month');
  const { validateReport } = await import('@attentive/core/mystery/calls/validate-report');
  const { lastClosedPeriod, periodContaining, localTime } = await import('@attentive/core/sampling/period');
  const definition = ScorecardDefinition.parse(demoMysteryScorecard);
  const { validateAnswers } = await import('@attentive/core/scoring/validate-answers');
  // As the shopper's form submits: every required item answered, each answer one the item allows.
  const score = (answers: Record<string, string | number>) => {
    validateAnswers(definition, answers, { requireComplete: true });
    return cachedScoreOf(definition, answers);
  };

  const [tenant] = await db.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
  const existing = await db.select({ id: mysteryPlans.id }).from(mysteryPlans).where(eq(mysteryPlans.tenantId, tenantId)).limit(1);
  if (!tenant || existing.length) return { calls: 0 };
  const tz = tenant.timeZone;
  const lastMonth = lastClosedPeriod('month', now, tz);
  const thisMonth = periodContaining('month', now, tz);
  const staff = await db
    .select({ id: people.id, code: people.code, email: people.email })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.code, ['MS01', 'QA01'])));
  const ms01 = staff.find((p) => p.code === 'MS01');
  if (!ms01) return { calls: 0 };
  const qa = staff.find((p) => p.code === 'QA01');
  const qaLabel = qa?.email ? `user:${qa.email}` : 'system:demo';
  const programRows = await db
    .select({ id: programs.id, code: programs.code })
    .from(programs)
    .where(
      and(
        eq(programs.tenantId, tenantId),
        inArray(
          programs.code,
          DEMO_MYSTERY_PROGRAMS.map((p) => p.code)
        )
      )
    );

  return db.transaction(async (tx) => {
    const ms02 = await insertSecondShopper(tx, tenantId, now);
    const shoppers: Shopper[] = [{ id: ms01.id, label: ms01.email ? `user:${ms01.email}` : 'person:MS01' }, ms02];
    const rng = createRng(`mystery/${tenantId}`);
    let written = 0;
    for (const program of DEMO_MYSTERY_PROGRAMS) {
      const programId = programRows.find((r) => r.code === program.code)?.id;
      if (programId == null) continue;
      const scorecard = await insertMysteryScorecard(tx, {
        tenantId,
        programId,
        program: program.code,
        definition,
        by: qaLabel,
        at: at(lastMonth, -40)
      });
      const library = await insertScenarios(tx, {
        tenantId,
        programId,
        scorecardId: scorecard.scorecardId,
        program,
        by: qaLabel,
        lastMonth,
        thisMonth
      });
      for (const [month, versions] of [
        [lastMonth, library.lastMonth],
        [thisMonth, library.thisMonth]
      ] as const) {
        // The four weeks before the month, as a planner would at planning time; a short demo (few days of
        // calls) falls back on all of the program's calls, and a program without calls on office hours.
        const weights =
          (await volumeWeights(tx, { programId, localTime: localTime(tz), from: at(month, -28), to: month.start })) ??
          (await volumeWeights(tx, { programId, localTime: localTime(tz), from: new Date(0), to: now })) ??
          OFFICE_HOURS;
        const planned = planMonth({
          month: month.label,
          timeZone: tz,
          calls: program.calls,
          weights,
          scenarios: versions,
          shopperIds: shoppers.map((s) => s.id),
          windowMinutes: 60,
          seed: `demo/${program.code}/${month.label}`
        });
        const lineCalls = await callsOfProgram(tx, programId, month.start, new Date(Math.min(month.end.getTime(), now.getTime())));
        const planId = await insertPlan(tx, {
          tenantId,
          programId,
          month,
          calls: program.calls,
          shopperIds: shoppers.map((s) => s.id),
          by: qaLabel
        });
        const taken = new Set<number>();
        const difficulty = new Map(versions.map((v) => [v.versionId, v.difficulty]));
        for (const [i, p] of planned.entries()) {
          const done = p.windowEnd.getTime() <= now.getTime();
          const [a] = await tx
            .insert(mysteryAssignments)
            .values({
              tenantId,
              planId,
              programId,
              scenarioVersionId: p.scenarioVersionId,
              shopperId: p.shopperId,
              windowStart: p.windowStart,
              windowEnd: p.windowEnd,
              status: done ? 'completed' : 'planned',
              createdAt: at(month, -7),
              updatedAt: at(month, -7)
            })
            .returning({ id: mysteryAssignments.id });
          if (!done) continue;
          await insertMysteryCall(tx, {
            tenantId,
            programId,
            program,
            assignmentId: a!.id,
            planned: p,
            difficulty: difficulty.get(p.scenarioVersionId)!,
            shopper: shoppers.find((s) => s.id === p.shopperId)!,
            scorecardVersionId: scorecard.versionId,
            definition,
            score,
            lineCalls,
            taken,
            matcher: qaLabel,
            validate: (report) => validateReport(report, now),
            now,
            rng: rng.fork(`${program.code}/${month.label}/${i}`),
            skillRng: createRng(`coaching/${tenantId}`)
          });
          written++;
        }
      }
    }
    return { calls: written };
  });
}

/** `days` days after the start of the period (negative: before it). */
const at = (p: Period, days: number) => new Date(p.start.getTime() + days * DAY_MS);

async function insertSecondShopper(tx: Tx, tenantId: number, now: Date): Promise<Shopper> {
  const [p] = await tx
    .insert(people)
    .values({
      tenantId,
      code: DEMO_SECOND_SHOPPER.code,
      name: DEMO_SECOND_SHOPPER.name,
      hireDate: new Date(now.getTime() - 200 * DAY_MS).toISOString().slice(0, 10),
      createdAt: now
    })
    .returning({ id: people.id });
  await tx.insert(roleAssignments).values({ tenantId, personId: p!.id, role: 'mystery_shopper', createdAt: now });
  return { id: p!.id, label: `person:${DEMO_SECOND_SHOPPER.code}` };
}

async function insertMysteryScorecard(
  tx: Tx,
  o: { tenantId: number; programId: number; program: string; definition: ScorecardDefinition; by: string; at: Date }
) {
  const [sc] = await tx
    .insert(scorecards)
    .values({
      tenantId: o.tenantId,
      programId: o.programId,
      purpose: 'mystery',
      name: `Mystery call — ${o.program}`,
      description:
        'The shopper scores the agent on the items shared with the call scorecard (same ids, so they compare) and on what only a mystery call shows.',
      createdAt: o.at,
      createdBy: o.by
    })
    .returning({ id: scorecards.id });
  const [v] = await tx
    .insert(scorecardVersions)
    .values({
      tenantId: o.tenantId,
      scorecardId: sc!.id,
      version: 1,
      status: 'published',
      definition: o.definition,
      note: 'First release',
      createdAt: o.at,
      createdBy: o.by,
      updatedAt: o.at,
      publishedAt: o.at,
      publishedBy: o.by
    })
    .returning({ id: scorecardVersions.id });
  return { scorecardId: sc!.id, versionId: v!.id };
}

type ScenarioUse = { versionId: number; difficulty: 'easy' | 'medium' | 'hard' };

/**
 * The program's scenario library. A scenario's second version and a retirement happen a week before this
 * month's plan: last month's calls keep version 1 and the retired scenario, this month's use version 2 and
 * leave the retired one out.
 */
async function insertScenarios(
  tx: Tx,
  o: {
    tenantId: number;
    programId: number;
    scorecardId: number;
    program: DemoMysteryProgram;
    by: string;
    lastMonth: Period;
    thisMonth: Period;
  }
) {
  const written = at(o.lastMonth, -30);
  const changed = at(o.thisMonth, -8);
  const used = { lastMonth: [] as ScenarioUse[], thisMonth: [] as ScenarioUse[] };
  for (const s of o.program.scenarios) {
    const [row] = await tx
      .insert(mysteryScenarios)
      .values({
        tenantId: o.tenantId,
        programId: o.programId,
        createdAt: written,
        createdBy: o.by,
        ...(s.retired ? { retiredAt: changed, retiredBy: o.by } : {})
      })
      .returning({ id: mysteryScenarios.id });
    const common = {
      tenantId: o.tenantId,
      scenarioId: row!.id,
      title: s.title,
      story: s.story,
      question: s.question,
      orientedOpportunity: s.orientedOpportunity,
      difficulty: s.difficulty,
      scorecardId: o.scorecardId,
      createdBy: o.by
    };
    const [v1] = await tx
      .insert(mysteryScenarioVersions)
      .values({ ...common, version: 1, rightAnswer: s.rightAnswer, note: 'First version', createdAt: written })
      .returning({ id: mysteryScenarioVersions.id });
    used.lastMonth.push({ versionId: v1!.id, difficulty: s.difficulty });
    if (s.retired) continue;
    let current = v1!.id;
    if (s.v2) {
      const [v2] = await tx
        .insert(mysteryScenarioVersions)
        .values({ ...common, version: 2, rightAnswer: s.v2.rightAnswer, note: s.v2.note, createdAt: changed })
        .returning({ id: mysteryScenarioVersions.id });
      current = v2!.id;
    }
    used.thisMonth.push({ versionId: current, difficulty: s.difficulty });
  }
  return used;
}

/** Monday to Friday, 08:00–18:00, evenly. */
const OFFICE_HOURS: MysteryGridCell[] = [1, 2, 3, 4, 5].flatMap((weekday) =>
  Array.from({ length: 10 }, (_, i) => ({ weekday, hour: 8 + i, weight: 1 }))
);

/** The program's imported inbound calls per local weekday × hour in [from, to): the 'volume' spread's weights; null when none. */
async function volumeWeights(
  tx: Tx,
  o: { programId: number; localTime: (instant: number) => { isoDow: number; hour: number }; from: Date; to: Date }
): Promise<MysteryGridCell[] | null> {
  const rows = await tx
    .select({ startedAt: calls.startedAt })
    .from(calls)
    .where(and(eq(calls.programId, o.programId), eq(calls.direction, 'inbound'), gte(calls.startedAt, o.from), lt(calls.startedAt, o.to)));
  const cells = new Map<string, MysteryGridCell>();
  for (const r of rows) {
    const t = o.localTime(r.startedAt.getTime());
    const key = `${t.isoDow}/${t.hour}`;
    const cell = cells.get(key) ?? { weekday: t.isoDow, hour: t.hour, weight: 0 };
    cell.weight++;
    cells.set(key, cell);
  }
  return cells.size ? [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour) : null;
}

async function callsOfProgram(tx: Tx, programId: number, from: Date, to: Date): Promise<LineCall[]> {
  const rows = await tx
    .select({ id: calls.id, startedAt: calls.startedAt, agentId: calls.agentId, agentCode: people.code, agentName: people.name })
    .from(calls)
    .innerJoin(people, eq(people.id, calls.agentId))
    .where(and(eq(calls.programId, programId), eq(calls.direction, 'inbound'), gte(calls.startedAt, from), lt(calls.startedAt, to)))
    .orderBy(asc(calls.startedAt));
  return rows.map((r) => ({ ...r, startedAt: r.startedAt.getTime() }));
}

async function insertPlan(
  tx: Tx,
  o: { tenantId: number; programId: number; month: Period; calls: number; shopperIds: number[]; by: string }
): Promise<number> {
  const [plan] = await tx
    .insert(mysteryPlans)
    .values({
      tenantId: o.tenantId,
      programId: o.programId,
      month: o.month.label,
      calls: o.calls,
      spread: 'volume',
      grid: null,
      // Time to answer counts from dialling, so it includes the 2–4 menu steps.
      targetAnswerSeconds: 30,
      shopperIds: o.shopperIds,
      status: 'published',
      version: 2,
      createdAt: at(o.month, -10),
      createdBy: o.by,
      updatedAt: at(o.month, -7),
      publishedAt: at(o.month, -7),
      publishedBy: o.by
    })
    .returning({ id: mysteryPlans.id });
  return plan!.id;
}

/** The imported call nearest to `target` whose start lies in [from, to) and that no mystery call took yet. */
function nearestFree(list: LineCall[], taken: Set<number>, target: number, from: number, to: number): LineCall | null {
  let best: LineCall | null = null;
  for (const c of list) {
    if (c.startedAt < from || c.startedAt >= to || taken.has(c.id)) continue;
    if (!best || Math.abs(c.startedAt - target) < Math.abs(best.startedAt - target)) best = c;
  }
  return best;
}

/** One completed assignment: the shopper's record and, when a person answered, the submitted 'mystery' evaluation. */
async function insertMysteryCall(
  tx: Tx,
  o: {
    tenantId: number;
    programId: number;
    program: DemoMysteryProgram;
    assignmentId: number;
    planned: Planned;
    difficulty: 'easy' | 'medium' | 'hard';
    shopper: Shopper;
    scorecardVersionId: number;
    definition: ScorecardDefinition;
    score: (answers: Record<string, string | number>) => ReturnType<typeof CachedScoreOf>;
    lineCalls: LineCall[];
    /** Imported calls already matched to a mystery call of this month. */
    taken: Set<number>;
    matcher: string;
    /** The shopper form's rules: a demo row must be one the form would accept. */
    validate: (report: MysteryCallReport) => void;
    now: Date;
    rng: Rng;
    skillRng: Rng;
  }
) {
  const { rng, planned: p } = o;
  const reach = demoReach({ weekday: p.weekday, hour: p.hour, menu: o.program.menu, rng });
  const windowMs = p.windowEnd.getTime() - p.windowStart.getTime();
  let dialledAt = p.windowStart.getTime() + Math.floor(rng.next() * (windowMs - 10 * MINUTE_MS));
  // Filled in right after the call; a QA analyst matches it to the call record a day or two later.
  const submitDelayMs = rng.int(8, 40) * MINUTE_MS;
  const matchDelayMs = rng.int(20, 60) * 60 * MINUTE_MS;
  const matchable = p.windowEnd.getTime() + 40 * MINUTE_MS + matchDelayMs <= o.now.getTime();
  let match: LineCall | null = null;
  if (reach.outcome === 'answered' && matchable && rng.chance(MATCHED_SHARE)) {
    // The call record starts when the shopper leaves the menu: dialled = record start − menu time.
    const menuMs = reach.menuSeconds * 1000;
    match = nearestFree(o.lineCalls, o.taken, dialledAt + menuMs, p.windowStart.getTime() + menuMs, p.windowEnd.getTime() - 10 * MINUTE_MS);
    if (match) {
      o.taken.add(match.id);
      dialledAt = match.startedAt - menuMs;
    }
  }
  const submittedAt = new Date(Math.min(dialledAt + submitDelayMs, o.now.getTime()));
  const matchedAt = new Date(submittedAt.getTime() + matchDelayMs);
  const answered = reach.answerSeconds == null ? null : new Date(dialledAt + reach.answerSeconds * 1000);
  const agentFirstName = match?.agentName.split(' ')[0] ?? null;
  const skill = skillOf(match?.agentCode ?? `unknown/${o.assignmentId}`, o.skillRng.fork(match?.agentCode ?? `unknown/${o.assignmentId}`));
  const handling = answered ? demoHandling({ difficulty: o.difficulty, transfers: reach.transfers, oriented: skill.oriented, rng }) : null;

  const report: MysteryCallReport = {
    dialledAt: new Date(dialledAt),
    outcome: reach.outcome,
    answeredAt: answered,
    gaveUpAfterSeconds: reach.gaveUpAfterSeconds,
    menuSteps: reach.menuChoices.length,
    menuChoices: reach.menuChoices,
    holdSeconds: reach.holdSeconds,
    transfers: reach.transfers,
    resolved: handling?.resolved ?? null,
    agentNameGiven: answered
      ? match
        ? rng.chance(0.8)
          ? agentFirstName
          : null
        : rng.chance(0.5)
          ? rng.pick(HEARD_FIRST_NAMES)
          : null
      : null,
    rightAnswerGiven: handling?.rightAnswerGiven ?? null,
    opportunityTaken: handling?.opportunityTaken ?? null,
    notes: reach.notes
  };
  o.validate(report);

  let evaluationId: number | null = null;
  if (answered && handling) {
    const waited = (reach.answerSeconds ?? 0) - reach.menuSeconds;
    const answers: Record<string, string | number> = {
      ...answersFor(o.definition, skill, 3, rng),
      'correct-information': handling.rightAnswerGiven ? 'yes' : 'no',
      'offered-to-send-now': handling.opportunityTaken ? 'yes' : 'no',
      'first-contact-resolution': handling.resolved ? (reach.transfers > 0 ? 'follow-up' : 'resolved') : 'not-resolved',
      'wait-acknowledged': waited > 60 ? (rng.chance(skill.friendly) ? 'yes' : 'no') : 'na'
    };
    const scored = o.score(answers);
    const [e] = await tx
      .insert(evaluations)
      .values({
        tenantId: o.tenantId,
        callId: null,
        agentId: match?.agentId ?? null,
        programId: o.programId,
        scorecardVersionId: o.scorecardVersionId,
        evaluatorId: o.shopper.id,
        evaluatorLabel: o.shopper.label,
        kind: 'mystery',
        status: 'submitted',
        revision: 1,
        version: 2,
        answers,
        submittedAt,
        ...scored.cached,
        createdAt: new Date(Math.max(dialledAt, submittedAt.getTime() - 5 * MINUTE_MS)),
        updatedAt: match ? matchedAt : submittedAt
      })
      .returning({ id: evaluations.id });
    evaluationId = e!.id;
    await tx.insert(evaluationRevisions).values({
      evaluationId,
      revision: 1,
      answers,
      ...scored.revision,
      authorId: o.shopper.id,
      authorLabel: o.shopper.label,
      at: submittedAt,
      reason: null
    });
  }
  await tx.insert(mysteryCalls).values({
    tenantId: o.tenantId,
    assignmentId: o.assignmentId,
    programId: o.programId,
    scenarioVersionId: p.scenarioVersionId,
    shopperId: o.shopper.id,
    ...report,
    evaluationId,
    matchedCallId: match?.id ?? null,
    matchedAt: match ? matchedAt : null,
    matchedBy: match ? o.matcher : null,
    createdAt: submittedAt,
    updatedAt: match ? matchedAt : submittedAt
  });
}
