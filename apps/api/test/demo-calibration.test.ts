import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { seedDemoIfEmpty, startOfUtcDay } from '@attentive/db/demo/seed';
import { DEMO_CALIBRATION } from '@attentive/db/demo/calibration';
import { grantsOfPerson } from '@attentive/core/access/load-principal';
import { getEvaluatorDrift } from '@attentive/core/calibration/get-evaluator-drift';

/**
 * The demo's calibration (issue 15): sessions made through the product's verbs, so a new user finds revealed
 * sessions with agreed answers and figures, one open session to score, and an evaluator who drifts. Every check
 * is computed here from the rows.
 */
const now = startOfUtcDay();
let t: Awaited<ReturnType<typeof createTestDb>>;
const sql = async (q: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql: q, args })).rows;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoIfEmpty(t.db, { calls: 20_000, transcripts: 40, now });
}, 180_000);
afterAll(() => t.cleanup());

describe('demo calibration', () => {
  it('has revealed sessions with every participant scoring every call and agreed answers for every item, and one open session', async () => {
    const sessions = await sql(
      `select s.id, s.revealed_at,
        (select count(*) from calibration_calls c where c.session_id = s.id) as calls,
        (select count(*) from calibration_participants p where p.session_id = s.id) as participants,
        (select count(*) from calibration_evaluations e join evaluations v on v.id = e.evaluation_id
          where e.session_id = s.id and v.status = 'submitted' and v.kind = 'calibration') as scores,
        (select count(distinct k.call_id) from calibration_consensus k where k.session_id = s.id) as agreed_calls
       from calibration_sessions s order by s.id`
    );
    const revealed = sessions.filter((s) => s.revealed_at != null);
    const open = sessions.filter((s) => s.revealed_at == null);
    expect(revealed.length).toBe(DEMO_CALIBRATION.pastSessions);
    expect(open.length).toBe(1);
    for (const s of revealed) {
      expect(Number(s.participants)).toBe(DEMO_CALIBRATION.participants.length);
      expect(Number(s.scores)).toBe(Number(s.calls) * Number(s.participants));
      expect(Number(s.agreed_calls)).toBe(Number(s.calls));
    }
    // The open session is partly scored: something left for tl01@ to do.
    expect(Number(open[0]!.scores)).toBeGreaterThan(0);
    expect(Number(open[0]!.scores)).toBeLessThan(Number(open[0]!.calls) * Number(open[0]!.participants));
  });

  it('keeps calibration scores out of what counts: no calibration evaluation fulfils a sample item or is the call’s counting one', async () => {
    const linked = await sql(
      `select count(*) as n from sample_items i join evaluations v on v.id = i.evaluation_id where v.kind = 'calibration'`
    );
    expect(Number(linked[0]!.n)).toBe(0);
  });

  it('shows TL01 learning: scoring above the agreed answers at first, much closer in the last session', async () => {
    const [qa] = await sql(`select id from people where code = ?`, [DEMO_CALIBRATION.facilitator]);
    const [tl01] = await sql(`select id from people where code = 'TL01'`);
    const personId = Number(qa!.id);
    const ctx = {
      db: t.db,
      now: () => now,
      principal: { kind: 'user' as const, tenantId: 1, label: 'user:qa', personId, grants: await grantsOfPerson(t.db, personId) }
    };
    const drift = await getEvaluatorDrift({ ctx, input: {} });
    const lead = drift.evaluators.find((e) => e.personId === Number(tl01!.id))!;
    expect(lead.sessions.length).toBe(DEMO_CALIBRATION.pastSessions);
    const first = lead.sessions[0]!.overall!.mean;
    const last = lead.sessions.at(-1)!.overall!.mean;
    expect(first).toBeGreaterThan(5);
    expect(Math.abs(last)).toBeLessThan(first / 2);
  });
});
