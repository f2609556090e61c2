import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { seedDemoIfEmpty } from '@attentive/db/demo/seed';
import type { Principal } from '../src/policy/principal.ts';
import { runDuePlans } from '../src/sampling/scheduler.ts';
import { workQueue } from '../src/sampling/work-queue.ts';

// Seeded on Wednesday 25 November 2026; the server's first start that morning draws week 47.
const SEEDED = new Date('2026-11-25T00:00:00Z');
const FIRST_START = new Date('2026-11-25T08:00:00Z');

let t: Awaited<ReturnType<typeof createTestDb>>;
let recordings: string;
let firstStart: Awaited<ReturnType<typeof runDuePlans>>;
beforeAll(async () => {
  t = await createTestDb();
  recordings = mkdtempSync(join(tmpdir(), 'attentive-demo-rec-'));
  await seedDemoIfEmpty(t.db, { now: SEEDED, calls: 6000, days: 21, transcripts: 120, recordingsDir: recordings });
  firstStart = await runDuePlans({ db: t.db, now: FIRST_START });
}, 180_000);
afterAll(() => {
  rmSync(recordings, { recursive: true, force: true });
  return t.cleanup();
});

describe('the demo sampling', () => {
  it('draws every plan at the first start, the transcribed-call plans before the broad samples', async () => {
    expect(firstStart.filter((r) => r.outcome !== 'ran')).toEqual([]);
    const plans = await t.db.$client.execute('select id, name from sampling_plans order by id');
    const names = firstStart.map((r) => String(plans.rows.find((p) => Number(p.id) === r.planId)!.name));
    // A small program has one or two transcribed calls a week; drawn second, the narrow plan could find
    // them all taken by the broad sample and draw nothing (CI, 2026-W48).
    const lastNarrow = names.lastIndexOf('Weekly sample of transcribed calls');
    const firstBroad = names.indexOf('Weekly random sample');
    expect(lastNarrow).toBeGreaterThanOrEqual(0);
    expect(lastNarrow).toBeLessThan(firstBroad);
  });

  it("draws recorded and transcribed calls into the team leads' work queues (a real draw, by the scheduler)", async () => {
    const leads = await t.db.$client.execute(`
      select p.id as person_id, p.tenant_id, ra.team_id from people p join role_assignments ra on ra.person_id = p.id and ra.role = 'team_lead' order by p.code`);
    expect(leads.rows.length).toBeGreaterThan(0);
    let recorded = 0;
    let transcribed = 0;
    let recordedFlag = 0;
    let transcribedFlag = 0;
    for (const l of leads.rows) {
      const principal: Principal = {
        kind: 'user',
        tenantId: Number(l.tenant_id),
        label: 'user:lead',
        personId: Number(l.person_id),
        grants: [{ role: 'team_lead', teamId: Number(l.team_id) }]
      };
      const q = await workQueue({ ctx: { db: t.db, principal, now: () => FIRST_START } });
      if (!q.items.length) continue;
      // The queue says which calls can be listened to or read.
      recordedFlag += q.items.filter((i) => i.hasRecording).length;
      transcribedFlag += q.items.filter((i) => i.hasTranscript).length;
      const ids = q.items.map((i) => i.callId).join(',');
      const rs = await t.db.$client.execute(`
        select count(*) filter (where c.recording_path is not null) as rec,
               count(*) filter (where exists (select 1 from call_transcripts ct where ct.call_id = c.id)) as tx
        from calls c where c.id in (${ids})`);
      recorded += Number(rs.rows[0]!.rec);
      transcribed += Number(rs.rows[0]!.tx);
    }
    expect(recorded).toBeGreaterThanOrEqual(1);
    expect(transcribed).toBeGreaterThanOrEqual(1);
    expect([recordedFlag, transcribedFlag]).toEqual([recorded, transcribed]);
  });

  it('some one lead holds both a recorded and a transcribed call', async () => {
    const rs = await t.db.$client.execute(`
      select si.assigned_to,
             max(c.recording_path is not null) as rec,
             max(exists (select 1 from call_transcripts ct where ct.call_id = c.id)) as tx
      from sample_items si join calls c on c.id = si.call_id
      join role_assignments ra on ra.person_id = si.assigned_to and ra.role = 'team_lead'
      where si.status != 'replaced' group by si.assigned_to`);
    expect(rs.rows.some((r) => Number(r.rec) === 1 && Number(r.tx) === 1)).toBe(true);
  });
});
