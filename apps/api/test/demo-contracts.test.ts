import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { seedDemoIfEmpty, startOfUtcDay } from '@attentive/db/demo/seed';
import { measureMonths, monthsEnding } from '@attentive/core/client-audit/metrics';
import { hundredths, targetOutcome } from '@attentive/core/client-audit/verdict';
import { METRIC_INFO, type ClientMetricId } from '@attentive/shared/client-metrics';
import { ContractTarget } from '@attentive/shared/contract-terms';

/**
 * The demo's contract terms (issue 17): entered through the create verb, so they pass its checks and are
 * audited; EN-CARE shows versioning (last year's terms ended by the amendment's endOpenVersion), and its
 * current targets give a client something to read in the last full month: a target met and a target missed.
 */
const now = startOfUtcDay();
let t: Awaited<ReturnType<typeof createTestDb>>;
const sql = async (q: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql: q, args })).rows;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoIfEmpty(t.db, { now });
}, 240_000);
afterAll(() => t.cleanup());

describe('demo contract terms', () => {
  it('EN-CARE has two versions that meet without overlapping, TC-CARE one, EN-MOVE none; each write audited', async () => {
    const rows = await sql(
      `select p.code, c.version, c.valid_from, c.valid_to, c.targets from contract_terms c join programs p on p.id = c.program_id order by p.code, c.version`
    );
    const byCode = (code: string) => rows.filter((r) => r.code === code);
    const care = byCode('EN-CARE');
    expect(care.map((r) => r.version)).toEqual([1, 2]);
    expect(care[0]!.valid_to).not.toBeNull();
    expect(care[1]!.valid_to).toBeNull();
    expect(String(care[0]!.valid_to) < String(care[1]!.valid_from)).toBe(true);
    expect(byCode('TC-CARE')).toHaveLength(1);
    expect(byCode('EN-MOVE')).toHaveLength(0);
    for (const r of rows) for (const target of JSON.parse(String(r.targets))) expect(ContractTarget.safeParse(target).success).toBe(true);
    const audits = await sql(
      `select action, count(*) as n from audit_log where action like 'contract_terms.%' group by action order by action`
    );
    expect(audits.map((a) => [a.action, Number(a.n)])).toEqual([
      ['contract_terms.create', 3],
      ['contract_terms.end', 1]
    ]);
  });

  it("EN-CARE's current terms show a met and a missed target in the last full month (the verdict rules on the demo's own figures)", async () => {
    const [program] = await sql(`select id, tenant_id from programs where code = 'EN-CARE'`);
    const [tenant] = await sql(`select time_zone from tenants where id = ?`, [Number(program!.tenant_id)]);
    const lastMonth = monthsEnding(now.toISOString().slice(0, 7), 2)[0]!;
    const [terms] = await sql(`select targets, monthly_fee_cents from contract_terms where program_id = ? and valid_to is null`, [
      Number(program!.id)
    ]);
    const values = (
      await measureMonths(
        t.db,
        { tenantId: Number(program!.tenant_id), programIds: [Number(program!.id)], timeZone: String(tenant!.time_zone) },
        [lastMonth]
      )
    ).get(lastMonth)!;
    const h = (x: number | null) => (x == null ? null : hundredths(x));
    const verdicts = (JSON.parse(String(terms!.targets)) as ContractTarget[]).map((target) => {
      const e = values[target.metric as ClientMetricId];
      const info = METRIC_INFO[target.metric as ClientMetricId];
      return targetOutcome(
        { estimate: h(e.estimate), low: h(e.low), high: h(e.high) },
        hundredths(target.target),
        info.higherIsBetter,
        { ...target.money, step: hundredths(target.step), maxSteps: target.maxSteps },
        Number(terms!.monthly_fee_cents)
      ).verdict;
    });
    expect(verdicts).toContain('met');
    expect(verdicts).toContain('missed');
  });
});
