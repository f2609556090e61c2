import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { programs } from '../schema/org.ts';
import { samplingPlans, samplingPlanVersions } from '../schema/sampling.ts';

/**
 * The demo sampling plans of every program, published. The first: two random calls per agent per week (four in
 * an agent's first three months), calls of at least 30 seconds, spread over the days of the week,
 * proportional over the program's queues, assigned to the agent's own team lead within a week.
 * The draw itself is not faked here: the server's scheduler draws last week's sample at its first
 * start (a missed period is caught up once, with a fresh random seed), so the team leads' queues
 * have work from the first sign-in.
 * The second draws from the calls with a transcript (the recorded showcase calls have one too), so
 * a lead's queue holds calls that can be listened to or read: a plan like any other, drawn by the
 * same code. It is made first, so it draws first (the scheduler draws in plan order): a small program
 * has one or two transcribed calls a week, and the broad sample, drawn first, could take them all and
 * leave the narrow plan nothing to draw (seen in CI: "plan 8 not drawn for 2026-W48"). The broad plan
 * leaves out the calls the narrow one took and still has hundreds to draw from.
 */
export const DEMO_SAMPLING_DEFINITION = {
  period: 'week',
  timezone: 'Europe/Amsterdam',
  quota: { perAgent: 2, percentOfEligible: null, newAgent: { months: 3, perAgent: 4 }, min: null, max: null },
  filters: {
    minTalkSeconds: 30,
    maxTalkSeconds: null,
    queueIds: [],
    direction: 'any',
    daysOfWeek: [],
    hours: null,
    dispositions: [],
    media: 'any'
  },
  exclude: { alreadyEvaluated: true, alreadySampled: true },
  stratify: { spread: 'day', proportional: 'queue' },
  assignment: { mode: 'own_team', dueDays: 7 }
} as const;

export const DEMO_TRANSCRIPT_SAMPLING_DEFINITION = {
  ...DEMO_SAMPLING_DEFINITION,
  quota: { perAgent: 2, percentOfEligible: null, newAgent: null, min: null, max: null },
  filters: { ...DEMO_SAMPLING_DEFINITION.filters, media: 'transcript' },
  stratify: { spread: 'none', proportional: 'none' }
} as const;

const DEMO_PLANS = [
  { name: 'Weekly sample of transcribed calls', definition: DEMO_TRANSCRIPT_SAMPLING_DEFINITION },
  { name: 'Weekly random sample', definition: DEMO_SAMPLING_DEFINITION }
];

export async function seedDemoSampling(db: Db, tenantId: number, now: Date): Promise<{ plans: number }> {
  const rows = await db.select({ id: programs.id, name: programs.name }).from(programs).where(eq(programs.tenantId, tenantId));
  await db.transaction(async (tx) => {
    for (const { name, definition } of DEMO_PLANS)
      for (const p of rows) {
        const [plan] = await tx
          .insert(samplingPlans)
          .values({ tenantId, programId: p.id, name, draft: definition, publishedVersion: 1, active: true, createdAt: now, updatedAt: now })
          .returning({ id: samplingPlans.id });
        await tx
          .insert(samplingPlanVersions)
          .values({ tenantId, planId: plan!.id, version: 1, definition, publishedAt: now, publishedBy: 'system:demo' });
      }
  });
  return { plans: rows.length * DEMO_PLANS.length };
}
