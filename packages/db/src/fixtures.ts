import type { Db } from './client.ts';
import { calls, clients, people, programs, queues, teams, tenants } from './schema/index.ts';

/**
 * Small, explicit test data: one tenant with two clients (so every test can check the foreign one),
 * one program and queue per client, two teams with two agents each, and a few calls per agent.
 * Ids are returned, never assumed.
 */
export async function createFixtureOrg(db: Db, opts: { slug?: string; callsPerAgent?: number; start?: Date } = {}) {
  const slug = opts.slug ?? `t-${Math.random().toString(36).slice(2, 8)}`;
  const [tenant] = await db
    .insert(tenants)
    .values({ slug, name: `Tenant ${slug}` })
    .returning();
  const tenantId = tenant!.id;
  const [clientA, clientB] = await db
    .insert(clients)
    .values([
      { tenantId, code: 'ENERGY', name: 'Energie Noord' },
      { tenantId, code: 'TELCO', name: 'Telco West' }
    ])
    .returning();
  const [programA, programB] = await db
    .insert(programs)
    .values([
      { tenantId, clientId: clientA!.id, code: 'EN-CARE', name: 'Energy customer care' },
      { tenantId, clientId: clientB!.id, code: 'TW-SUPPORT', name: 'Telco support' }
    ])
    .returning();
  const [queueA, queueB] = await db
    .insert(queues)
    .values([
      { tenantId, programId: programA!.id, code: 'billing', name: 'Billing' },
      { tenantId, programId: programB!.id, code: 'tech', name: 'Technical' }
    ])
    .returning();
  const [teamA, teamB] = await db
    .insert(teams)
    .values([
      { tenantId, code: 'T1', name: 'Team One' },
      { tenantId, code: 'T2', name: 'Team Two' }
    ])
    .returning();
  const agents = await db
    .insert(people)
    .values([
      { tenantId, code: 'A1', name: 'Agent One', teamId: teamA!.id, hireDate: '2026-01-05' },
      { tenantId, code: 'A2', name: 'Agent Two', teamId: teamA!.id, hireDate: '2025-03-01' },
      { tenantId, code: 'B1', name: 'Agent Three', teamId: teamB!.id, hireDate: '2026-09-01' },
      { tenantId, code: 'B2', name: 'Agent Four', teamId: teamB!.id, hireDate: '2024-06-15' }
    ])
    .returning();
  const n = opts.callsPerAgent ?? 3;
  const start = (opts.start ?? new Date('2026-11-02T09:00:00Z')).getTime();
  const rows = agents.flatMap((a, ai) =>
    Array.from({ length: n }, (_, i) => {
      const onA = a.teamId === teamA!.id;
      return {
        tenantId,
        source: 'fixture',
        externalId: `${a.code}-${i}`,
        programId: onA ? programA!.id : programB!.id,
        queueId: onA ? queueA!.id : queueB!.id,
        agentId: a.id,
        direction: 'inbound' as const,
        startedAt: new Date(start + (ai * n + i) * 3_600_000),
        answerSeconds: 10 + i,
        talkSeconds: 120 + 30 * i,
        holdSeconds: 0,
        transfers: 0,
        disposition: 'resolved',
        customerRef: `cust-${ai}-${i}`
      };
    })
  );
  const insertedCalls = rows.length ? await db.insert(calls).values(rows).returning() : [];
  return {
    tenantId,
    clients: { a: clientA!, b: clientB! },
    programs: { a: programA!, b: programB! },
    queues: { a: queueA!, b: queueB! },
    teams: { a: teamA!, b: teamB! },
    agents: { a1: agents[0]!, a2: agents[1]!, b1: agents[2]!, b2: agents[3]! },
    calls: insertedCalls
  };
}

export type FixtureOrg = Awaited<ReturnType<typeof createFixtureOrg>>;
