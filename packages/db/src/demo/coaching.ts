import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { ScorecardDefinition, ScorecardItem } from '@attentive/shared/scorecard';
import type { cachedScoreOf as CachedScoreOf } from '@attentive/core/evaluations/cached-score';
import type { Db } from '../client.ts';
import { calls, callTranscripts } from '../schema/calls.ts';
import {
  evaluationAcknowledgements,
  coachingActions,
  coachingFocusItems,
  coachingSessionEvaluations,
  coachingSessions,
  disputeItems,
  disputes,
  selfEvaluationRequests
} from '../schema/coaching.ts';
import { evaluationComments, evaluationRevisions, evaluations } from '../schema/evaluations.ts';
import { people, teams } from '../schema/org.ts';
import { scorecards, scorecardVersions } from '../schema/scorecards.ts';
import { DEMO_AGENT_TEAM, DEMO_EMAIL_DOMAIN } from './accounts.ts';
import { createRng, type Rng } from './prng.ts';

/** The columns of a call the demo's evaluations are made of. */
const EVALUATED_CALL = { id: calls.id, programId: calls.programId, startedAt: calls.startedAt, recordingPath: calls.recordingPath };
type EvaluatedCall = { id: number; programId: number };

const DAY_MS = 86_400_000;
/** The demo agents the coaching story is told with (codes of the default roster, team T01). */
export const DEMO_COACHING = { scriptedAgent: 'AG009', orientedAgent: 'AG041', lead: 'TL01' } as const;

export type Skill = { friendly: number; oriented: number; compliance: number; trend: number };

/**
 * Coaching demo for team T01: ≈ 3 submitted evaluations per agent and month over the last three months
 * (scored with THE scoring formula on the shared demo scorecard), acknowledgements, an open and a
 * rejected dispute, a coaching session with an overdue follow-up and an open self-evaluation request.
 * Skips the evaluations when T01 already has enough (an evaluations demo seeder ran first).
 */
export async function seedDemoCoaching(db: Db, tenantId: number, now: Date) {
  // db cannot depend on core (core depends on db): the demo borrows, at run time, the one writer of cached
  // scores and the link to sample items that the evaluation verbs use, so demo rows are like real ones.
  const { cachedScoreOf } = await import('@attentive/core/evaluations/cached-score');
  const { linkEvaluationToSample } = await import('@attentive/core/sampling/link-evaluation-to-sample');
  const score = (answers: Record<string, string | number>) => cachedScoreOf(definition, answers);
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.tenantId, tenantId), eq(teams.code, DEMO_AGENT_TEAM)));
  if (!team) return { evaluations: 0 };
  const [lead] = await db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.code, DEMO_COACHING.lead)));
  const [version] = await db
    .select({ id: scorecardVersions.id, definition: scorecardVersions.definition })
    .from(scorecardVersions)
    .innerJoin(scorecards, eq(scorecards.id, scorecardVersions.scorecardId))
    .where(and(eq(scorecards.tenantId, tenantId), isNull(scorecards.programId), eq(scorecardVersions.status, 'published')))
    .orderBy(desc(scorecardVersions.version))
    .limit(1);
  if (!lead || !version) return { evaluations: 0 };
  const definition = version.definition as ScorecardDefinition;
  const agents = await db
    .select()
    .from(people)
    .where(and(eq(people.teamId, team.id), isNull(people.leftDate)))
    .orderBy(people.code);
  const leadLabel = `user:${lead.code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`;
  const existing = await db
    .select({ n: sql<number>`count(*)` })
    .from(evaluations)
    .where(
      and(
        inArray(
          evaluations.agentId,
          agents.map((a) => a.id)
        ),
        eq(evaluations.status, 'submitted')
      )
    );
  const rng = createRng(`coaching/${tenantId}`);
  const created = new Map<number, { id: number; submittedAt: Date; answers: Record<string, string | number>; callId: number }[]>();

  if (Number(existing[0]?.n ?? 0) < 20) {
    for (const agent of agents) {
      const skill = skillOf(agent.code, rng.fork(agent.code));
      const list: { id: number; submittedAt: Date; answers: Record<string, string | number>; callId: number }[] = [];
      // The lead's evaluation of one of the agent's calls, kept in `list` for the coaching data below.
      const evaluate = async (call: EvaluatedCall, answers: Record<string, string | number>, submittedAt: Date) => {
        const e = await insertEvaluation(db, {
          tenantId,
          call,
          agentId: agent.id,
          versionId: version.id,
          lead,
          leadLabel,
          answers,
          submittedAt,
          scored: score(answers),
          link: linkEvaluationToSample
        });
        list.push({ ...e, answers, callId: call.id });
        return e;
      };
      for (const monthsAgo of [2, 1, 0]) {
        const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
        const to = new Date(Math.min(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo + 1, 1), now.getTime() - 2 * DAY_MS));
        if (to <= from) continue;
        const picked = await db
          .select(EVALUATED_CALL)
          .from(calls)
          .leftJoin(callTranscripts, eq(callTranscripts.callId, calls.id))
          .where(
            and(
              eq(calls.agentId, agent.id),
              gte(calls.startedAt, from),
              lt(calls.startedAt, to),
              gte(calls.talkSeconds, 30),
              isNull(calls.recordingPath)
            )
          )
          .orderBy(sql`${callTranscripts.callId} is null`, calls.id)
          .limit(3);
        for (const call of picked) {
          const answers = answersFor(definition, skill, 2 - monthsAgo, rng.fork(`${agent.code}/${call.id}`));
          const submittedAt = new Date(Math.min(call.startedAt.getTime() + rng.int(1, 3) * DAY_MS, now.getTime() - DAY_MS));
          await evaluate(call, answers, submittedAt);
        }
      }
      // The recorded call of the agent (if any): the newest evaluation, with comments pinned to moments.
      const [recorded] = await db
        .select(EVALUATED_CALL)
        .from(calls)
        .where(and(eq(calls.agentId, agent.id), sql`${calls.recordingPath} is not null`))
        .limit(1);
      if (recorded) {
        const answers = answersFor(definition, skill, 3, rng.fork(`${agent.code}/recorded`));
        const submittedAt = new Date(now.getTime() - DAY_MS);
        const e = await evaluate(recorded, answers, submittedAt);
        await pinComments(db, { tenantId, evaluationId: e.id, callId: recorded.id, answers, lead, leadLabel, at: submittedAt });
      }
      created.set(agent.id, list);
      // Read and acknowledged, except the two newest.
      const older = [...list].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime()).slice(0, -2);
      if (older.length)
        await db.insert(evaluationAcknowledgements).values(
          older.map((o) => ({
            tenantId,
            evaluationId: o.id,
            revision: 1,
            agentId: agent.id,
            at: new Date(o.submittedAt.getTime() + DAY_MS)
          }))
        );
    }
  }

  const byCode = new Map(agents.map((a) => [a.code, a]));
  const scripted = byCode.get(DEMO_COACHING.scriptedAgent);
  const oriented = byCode.get(DEMO_COACHING.orientedAgent);
  // An open dispute (Femke, on a recent evaluation) and a rejected one (Yara, older). The disputed item is
  // one scored 'no' (customer-oriented first): the first evaluation, from the preferred end, that has one.
  // (Taking a fixed evaluation left Femke, who rarely gets a 'no', without the dispute the README promises.)
  const dimensionOf = new Map(definition.sections.flatMap((s) => s.items.map((i) => [i.id, i.dimension] as const)));
  const disputable = (answers: Record<string, string | number>) =>
    Object.entries(answers)
      .filter(([k, v]) => v === 'no' && k !== 'identity-check')
      .sort(([a], [b]) => Number(dimensionOf.get(b) === 'customer_oriented') - Number(dimensionOf.get(a) === 'customer_oriented'))[0]?.[0];
  const disputeOn = async (
    agentId: number,
    pick: 'newest' | 'older',
    status: 'open' | 'rejected',
    reasonFor: (itemId: string) => string
  ) => {
    const list = [...(created.get(agentId) ?? [])].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const candidates = pick === 'newest' ? list.slice(0, -1).reverse() : list.slice(1);
    const e = candidates.find((c) => disputable(c.answers) != null);
    if (!e) return;
    const itemId = disputable(e.answers)!;
    const openedAt = new Date(e.submittedAt.getTime() + DAY_MS);
    const [d] = await db
      .insert(disputes)
      .values({
        tenantId,
        evaluationId: e.id,
        agentId,
        revision: 1,
        status,
        openedAt,
        ...(status === 'rejected'
          ? {
              resolvedAt: new Date(openedAt.getTime() + 2 * DAY_MS),
              resolverId: lead.id,
              resolverLabel: leadLabel,
              resolutionReason: 'Listened again: the customer had to ask for the next step at 2:10.'
            }
          : {})
      })
      .returning();
    await db.insert(disputeItems).values({
      tenantId,
      disputeId: d!.id,
      evaluationId: e.id,
      itemId,
      reason: reasonFor(itemId),
      answerBefore: 'no',
      proposedAnswer: 'yes',
      outcome: status === 'rejected' ? 'rejected' : null
    });
  };
  if (oriented)
    await disputeOn(oriented.id, 'newest', 'open', (item) =>
      item === 'next-step-unasked'
        ? 'I explained the next step before the customer asked, right after checking the meter reading.'
        : 'I did this on the call: please listen to it again.'
    );
  if (scripted) await disputeOn(scripted.id, 'older', 'rejected', () => 'I think I did this: I told the customer what would happen.');

  // A coaching session with Yara: the polite script-reader works on customer-oriented behaviour.
  const yaraEvals = scripted ? (created.get(scripted.id) ?? []).filter((e) => e.submittedAt.getTime() < now.getTime() - 30 * DAY_MS) : [];
  if (scripted && yaraEvals.length) {
    const heldOn = new Date(now.getTime() - 26 * DAY_MS);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const [s] = await db
      .insert(coachingSessions)
      .values({
        tenantId,
        agentId: scripted.id,
        coachId: lead.id,
        coachLabel: leadLabel,
        heldOn: day(heldOn),
        notes:
          'Friendly and correct on every call, but waits for the customer to ask. We listened to two calls together and practised one open question per call.',
        followUpOn: day(new Date(now.getTime() - 5 * DAY_MS)),
        agentConfirmedAt: new Date(heldOn.getTime() + DAY_MS),
        updatedAt: heldOn
      })
      .returning();
    await db.insert(coachingSessionEvaluations).values(yaraEvals.slice(-2).map((e) => ({ sessionId: s!.id, evaluationId: e.id })));
    await db.insert(coachingFocusItems).values([
      {
        sessionId: s!.id,
        itemId: 'need-behind-question',
        text: 'Ask one open question to find out why the customer calls, before answering.'
      },
      { sessionId: s!.id, itemId: 'next-step-unasked', text: 'Tell the customer what happens next and when, without being asked.' }
    ]);
    await db.insert(coachingActions).values([
      {
        tenantId,
        sessionId: s!.id,
        text: 'Listen to two recorded calls of a colleague who scores high on customer-oriented items',
        owner: 'agent',
        dueOn: day(new Date(now.getTime() - 19 * DAY_MS)),
        doneAt: new Date(now.getTime() - 20 * DAY_MS)
      },
      {
        tenantId,
        sessionId: s!.id,
        text: 'Use the "what happens next" card on every call for two weeks',
        owner: 'agent',
        dueOn: day(new Date(now.getTime() + 3 * DAY_MS))
      },
      {
        tenantId,
        sessionId: s!.id,
        text: 'Side-by-side listening on two calls',
        owner: 'coach',
        dueOn: day(new Date(now.getTime() - 2 * DAY_MS))
      }
    ]);
  }

  // An open self-evaluation request for Femke on a recent call nobody evaluated yet.
  if (oriented) {
    const [call] = await db
      .select({ id: calls.id, programId: calls.programId })
      .from(calls)
      .leftJoin(callTranscripts, eq(callTranscripts.callId, calls.id))
      .where(
        and(
          eq(calls.agentId, oriented.id),
          gte(calls.talkSeconds, 30),
          sql`not exists (select 1 from ${evaluations} e where e.call_id = ${calls.id})`
        )
      )
      .orderBy(sql`${callTranscripts.callId} is null`, desc(calls.startedAt))
      .limit(1);
    if (call) {
      const at = new Date(now.getTime() - DAY_MS);
      const [self] = await db
        .insert(evaluations)
        .values({
          tenantId,
          callId: call.id,
          agentId: oriented.id,
          programId: call.programId,
          scorecardVersionId: version.id,
          evaluatorId: oriented.id,
          evaluatorLabel: `agent:${oriented.name}`,
          kind: 'self',
          status: 'draft',
          answers: {},
          ...score({}).cached,
          updatedAt: at
        })
        .returning();
      await db.insert(selfEvaluationRequests).values({
        tenantId,
        callId: call.id,
        agentId: oriented.id,
        programId: call.programId,
        requestedById: lead.id,
        requestedByLabel: leadLabel,
        selfEvaluationId: self!.id,
        message: 'Score this call yourself first; we compare on Thursday.',
        status: 'open',
        requestedAt: at
      });
    }
  }
  return { evaluations: [...created.values()].reduce((s, l) => s + l.length, 0) };
}

/** A stable skill per agent; the two story agents get their profile (friendly-scripted, oriented). */
export function skillOf(code: string, rng: Rng): Skill {
  if (code === DEMO_COACHING.scriptedAgent) return { friendly: 0.92, oriented: 0.38, compliance: 0.97, trend: 0.06 };
  if (code === DEMO_COACHING.orientedAgent) return { friendly: 0.72, oriented: 0.86, compliance: 0.98, trend: 0.01 };
  return {
    friendly: 0.6 + 0.35 * rng.next(),
    oriented: 0.3 + 0.6 * rng.next(),
    compliance: 0.97 + 0.03 * rng.next(),
    trend: 0.04 * rng.next()
  };
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** Answers a scorer would give an agent of this skill (month 0 = oldest; skill grows by `trend` per month). */
export function answersFor(def: ScorecardDefinition, skill: Skill, month: number, rng: Rng): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const s of def.sections)
    for (const item of s.items) {
      if (!item.required && rng.chance(0.5)) continue;
      const p = item.critical
        ? skill.compliance
        : clamp(
            (item.dimension === 'customer_oriented'
              ? skill.oriented + skill.trend * month
              : item.dimension === 'customer_friendly'
                ? skill.friendly
                : skill.compliance) +
              0.08 * rng.normal()
          );
      out[item.id] = answer(item, p, rng);
    }
  return out;
}

function answer(item: ScorecardItem, p: number, rng: Rng): string | number {
  if (item.naAllowed && rng.chance(0.08)) return 'na';
  const a = item.answer;
  if (a.type === 'yes_no') return rng.chance(p) ? 'yes' : 'no';
  if (a.type === 'scale') return Math.round(a.min + (a.max - a.min) * clamp(p + 0.15 * rng.normal()));
  const options = [...a.options].sort((x, y) => x.points - y.points);
  return options[Math.min(options.length - 1, Math.floor(clamp(p + 0.15 * rng.normal()) * options.length))]!.key;
}

type Scored = ReturnType<typeof CachedScoreOf>;
type LinkToSample = (db: Db, o: { tenantId: number; callId: number; evaluationId: number; kind: 'sampled' }) => Promise<void>;

async function insertEvaluation(
  db: Db,
  x: {
    tenantId: number;
    call: { id: number; programId: number };
    agentId: number;
    versionId: number;
    lead: { id: number };
    leadLabel: string;
    answers: Record<string, string | number>;
    submittedAt: Date;
    scored: Scored;
    link: LinkToSample;
  }
) {
  const [e] = await db
    .insert(evaluations)
    .values({
      tenantId: x.tenantId,
      callId: x.call.id,
      agentId: x.agentId,
      programId: x.call.programId,
      scorecardVersionId: x.versionId,
      evaluatorId: x.lead.id,
      evaluatorLabel: x.leadLabel,
      kind: 'sampled',
      status: 'submitted',
      revision: 1,
      version: 3,
      answers: x.answers,
      submittedAt: x.submittedAt,
      ...x.scored.cached,
      createdAt: new Date(x.submittedAt.getTime() - 3_600_000),
      updatedAt: x.submittedAt
    })
    .returning({ id: evaluations.id });
  await db.insert(evaluationRevisions).values({
    evaluationId: e!.id,
    revision: 1,
    answers: x.answers,
    ...x.scored.revision,
    authorId: x.lead.id,
    authorLabel: x.leadLabel,
    at: x.submittedAt,
    reason: null
  });
  // A drawn call scored here fulfils its sample item, as submitting does.
  await x.link(db, { tenantId: x.tenantId, callId: x.call.id, evaluationId: e!.id, kind: 'sampled' });
  return { id: e!.id, submittedAt: x.submittedAt };
}

/** Comments pinned to moments of the recorded call: the greeting and a customer-oriented item. */
async function pinComments(
  db: Db,
  x: {
    tenantId: number;
    evaluationId: number;
    callId: number;
    answers: Record<string, string | number>;
    lead: { id: number };
    leadLabel: string;
    at: Date;
  }
) {
  const [t] = await db.select({ turns: callTranscripts.turns }).from(callTranscripts).where(eq(callTranscripts.callId, x.callId));
  const turns = t?.turns ?? [];
  const agentTurns = turns.map((turn, i) => ({ ...turn, i })).filter((turn) => turn.speaker === 'agent');
  const first = agentTurns[0];
  const later = agentTurns[Math.min(agentTurns.length - 1, 3)];
  const rows = [
    {
      itemId: 'greeting',
      text:
        x.answers.greeting === 'yes'
          ? 'Good opening: company and your own name in the first sentence.'
          : 'Your name is missing from the opening.',
      turn: first
    },
    {
      itemId: 'next-step-unasked',
      text:
        x.answers['next-step-unasked'] === 'yes'
          ? 'Here you explain what happens next before the customer asks. Exactly right.'
          : 'Here the customer has to ask what happens next. Offer it yourself.',
      turn: later
    }
  ];
  await db.insert(evaluationComments).values(
    rows.map((r) => ({
      tenantId: x.tenantId,
      evaluationId: x.evaluationId,
      itemId: r.itemId,
      text: r.text,
      atSeconds: r.turn?.start ?? null,
      turnIndex: r.turn?.i ?? null,
      authorId: x.lead.id,
      authorLabel: x.leadLabel,
      createdAt: x.at
    }))
  );
}
