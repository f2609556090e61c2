import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../src/context.ts';
import { getCalibrationScoring } from '../src/calibration/get-calibration-scoring.ts';
import { saveCalibrationScore } from '../src/calibration/save-calibration-score.ts';
import { outcomeOf, userPrincipal } from './verb-support.ts';

/**
 * The scoring screen's read (getCalibrationScoring) against a real database, over random sessions (fast-check):
 * the calls are walked in the session's order (position, previous, next), and a participant's view holds its own
 * score only — whatever the others have saved or submitted.
 */
const NOW = new Date('2026-11-10T10:00:00Z');
const DEFINITION = ScorecardDefinition.parse({
  sections: [
    {
      id: 's',
      title: 'S',
      items: [
        { id: 'greeting', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' },
        { id: 'empathy', text: 'Empathy', answer: { type: 'scale', min: 1, max: 5 }, weight: 2, dimension: 'customer_friendly' }
      ]
    }
  ]
});
let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
let versionId: number;
const people: number[] = [];
const as = (personId: number): Ctx => ({
  db: t.db,
  principal: userPrincipal(org.tenantId, [{ role: 'team_lead', teamId: org.teams.a.id }], personId),
  now: () => NOW
});

async function session(callIds: number[], participants: number[]) {
  const [s] = await t.db
    .insert(schema.calibrationSessions)
    .values({
      tenantId: org.tenantId,
      programId: org.programs.a.id,
      scorecardVersionId: versionId,
      title: 'Property session',
      facilitatorId: people[0]!,
      deadline: new Date(NOW.getTime() + 86_400_000),
      selection: 'chosen',
      createdAt: NOW,
      createdBy: 'test'
    })
    .returning();
  await t.db.insert(schema.calibrationCalls).values(callIds.map((callId, position) => ({ sessionId: s!.id, callId, position })));
  await t.db.insert(schema.calibrationParticipants).values(participants.map((personId) => ({ sessionId: s!.id, personId })));
  return s!.id;
}

beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db, { callsPerAgent: 4 });
  const [card] = await t.db
    .insert(schema.scorecards)
    .values({ tenantId: org.tenantId, programId: null, name: 'Default', createdBy: 'test' })
    .returning();
  const [v] = await t.db
    .insert(schema.scorecardVersions)
    .values({
      tenantId: org.tenantId,
      scorecardId: card!.id,
      version: 1,
      status: 'published',
      definition: DEFINITION,
      createdBy: 'test',
      updatedAt: NOW
    })
    .returning();
  versionId = v!.id;
  for (let i = 0; i < 4; i++) {
    const [p] = await t.db
      .insert(schema.people)
      .values({ tenantId: org.tenantId, code: `CAL${i}`, name: `Scorer ${i}` })
      .returning();
    people.push(p!.id);
  }
});
afterAll(() => t.cleanup());

const programCalls = () => org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);

describe('getCalibrationScoring', () => {
  it("walks a session's calls in its order, and shows each participant its own score only", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(programCalls(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ scorer: fc.integer({ min: 0, max: 2 }), greeting: fc.constantFrom('yes', 'no'), submit: fc.boolean() }), {
          maxLength: 6
        }),
        async (callIds, saves) => {
          const participants = people.slice(0, 3);
          const sessionId = await session(callIds, participants);
          // Random scorers save or submit on the first call.
          const mine = new Map<number, { greeting: string; submitted: boolean }>();
          for (const s of saves) {
            const personId = participants[s.scorer]!;
            const before = mine.get(personId);
            const out = await outcomeOf(
              saveCalibrationScore({
                ctx: as(personId),
                input: { sessionId, callId: callIds[0]!, answers: { greeting: s.greeting, empathy: 3 }, submit: s.submit }
              })
            );
            // A submitted score changes only by submitting again (a draft save of it is a 409).
            if (before?.submitted && !s.submit) expect(out).toBe('CONFLICT');
            else {
              expect(out).toBe('ok');
              mine.set(personId, { greeting: s.greeting, submitted: s.submit || !!before?.submitted });
            }
          }
          // From the first call, "next" visits every call once, in the session's order; "previous" mirrors it.
          let at: number | null = callIds[0]!;
          const seen: number[] = [];
          while (at != null) {
            const v = await getCalibrationScoring({ ctx: as(participants[1]!), input: { sessionId, callId: at } });
            expect(v.position).toBe(seen.length + 1);
            expect(v.total).toBe(callIds.length);
            expect(v.prevCallId).toBe(seen.at(-1) ?? null);
            seen.push(at);
            at = v.nextCallId;
          }
          expect(seen).toEqual(callIds);
          // Each participant reads its own score of the first call, or none; never another's.
          for (const personId of participants) {
            const v = await getCalibrationScoring({ ctx: as(personId), input: { sessionId, callId: callIds[0]! } });
            const expected = mine.get(personId);
            if (!expected) expect(v.mine).toBeNull();
            else
              expect(v.mine).toMatchObject({
                status: expected.submitted ? 'submitted' : 'draft',
                answers: { greeting: expected.greeting, empathy: 3 }
              });
          }
        }
      ),
      { numRuns: 20 }
    );
  }, 60_000);

  it('refuses a session it may not read (404), a person who does not take part (404 for a lead), a call outside it (404)', async () => {
    const calls = programCalls();
    const sessionId = await session(calls.slice(0, 2), [people[0]!]);
    expect(await outcomeOf(getCalibrationScoring({ ctx: as(people[3]!), input: { sessionId, callId: calls[0]! } }))).toBe('NOT_FOUND');
    expect(await outcomeOf(getCalibrationScoring({ ctx: as(people[0]!), input: { sessionId, callId: calls[3]! } }))).toBe('NOT_FOUND');
    const qa: Ctx = { db: t.db, principal: userPrincipal(org.tenantId, [{ role: 'qa_analyst' }], people[3]!), now: () => NOW };
    expect(await outcomeOf(getCalibrationScoring({ ctx: qa, input: { sessionId, callId: calls[0]! } }))).toBe('FORBIDDEN');
    expect(await outcomeOf(getCalibrationScoring({ ctx: as(people[0]!), input: { sessionId: 0, callId: calls[0]! } }))).toBe('VALIDATION');
  });
});
