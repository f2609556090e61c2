import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { people, programs } from '../schema/org.ts';
import { contractTerms } from '../schema/client-audit.ts';
import { DEMO_EMAIL_DOMAIN } from './accounts.ts';

type Target = {
  metric: string;
  target: number;
  step: number;
  maxSteps: number;
  money: { kind: 'amount' | 'percent'; bonusPerStep: number; malusPerStep: number };
};
const amount = (bonusPerStep: number, malusPerStep = bonusPerStep) => ({ kind: 'amount' as const, bonusPerStep, malusPerStep });
const percent = (bonusPerStep: number, malusPerStep = bonusPerStep) => ({ kind: 'percent' as const, bonusPerStep, malusPerStep });

/**
 * The demo's contract terms. EN-CARE has two versions: last year's terms, and this quarter's stricter ones
 * entered "from three months ago" with endOpenVersion (which ends last year's) — so the screens show versioning.
 * The current EN-CARE targets are chosen against the demo's figures (measureMonths) so that the last full month
 * shows every verdict on any day (apps/api/test/demo-contracts.test.ts): QA score ≥ 80 is missed (the demo scores
 * about 68), the critical-error-free rate ≥ 90 is met (about 99% of ~100 evaluations, interval from about 94; at
 * 95 a single critical error made it inconclusive, and whether a month had one depended on the day the demo was
 * seeded), FCR, CSAT and NPS are inconclusive without survey responses that month (the demo's surveys cover recent
 * weeks; NPS ≥ −40 is met where there are, about −20). TC-CARE has one version; EN-MOVE and INSURE have none.
 */
const EN_CARE_LAST_YEAR: Target[] = [
  { metric: 'qa_score', target: 75, step: 2, maxSteps: 3, money: percent(100, 100) },
  { metric: 'fcr', target: 70, step: 5, maxSteps: 2, money: percent(50) }
];
const EN_CARE_NOW: Target[] = [
  { metric: 'qa_score', target: 80, step: 2, maxSteps: 3, money: percent(100, 150) },
  { metric: 'customer_oriented_score', target: 70, step: 5, maxSteps: 2, money: amount(25_000) },
  { metric: 'critical_error_free_rate', target: 90, step: 1, maxSteps: 3, money: amount(20_000, 40_000) },
  { metric: 'fcr', target: 75, step: 5, maxSteps: 2, money: percent(50) },
  { metric: 'csat_top2', target: 80, step: 5, maxSteps: 2, money: amount(30_000) },
  { metric: 'mystery_service_level', target: 80, step: 5, maxSteps: 3, money: amount(50_000) },
  { metric: 'nps', target: -40, step: 10, maxSteps: 2, money: amount(25_000) }
];
const TC_CARE: Target[] = [
  { metric: 'qa_score', target: 65, step: 2, maxSteps: 3, money: percent(75) },
  { metric: 'csat_mean', target: 3.5, step: 0.25, maxSteps: 2, money: amount(40_000) },
  { metric: 'mystery_service_level', target: 70, step: 5, maxSteps: 2, money: amount(35_000) }
];

/** The month `back` months before `now`'s (UTC) month, YYYY-MM. */
function monthsAgo(now: Date, back: number): string {
  const t = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/**
 * Contract terms for the demo programs, entered through the product's own verb (createContractTerms: the
 * validation, the overlap rule, endOpenVersion and the audit rows) as the demo admin ADM01. Does nothing when
 * the tenant already has terms.
 */
export async function seedDemoContracts(db: Db, tenantId: number, now: Date) {
  const { createContractTerms } = await import('@attentive/core/client-audit/contracts/create-terms');
  const { grantsOfPerson } = await import('@attentive/core/access/load-principal');
  const has = await db.select({ id: contractTerms.id }).from(contractTerms).where(eq(contractTerms.tenantId, tenantId)).limit(1);
  if (has.length) return { versions: 0 };
  const [admin] = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.code, 'ADM01')));
  const rows = await db
    .select({ id: programs.id, code: programs.code })
    .from(programs)
    .where(and(eq(programs.tenantId, tenantId), inArray(programs.code, ['EN-CARE', 'TC-CARE'])));
  const program = new Map(rows.map((r) => [r.code, r.id]));
  if (!admin || program.size < 2) return { versions: 0 };
  const principal = {
    kind: 'user' as const,
    tenantId,
    label: `user:${admin.email ?? `admin@${DEMO_EMAIL_DOMAIN}`}`,
    personId: admin.id,
    grants: await grantsOfPerson(db, admin.id)
  };
  const enter = (programId: number, at: Date, input: Record<string, unknown>) =>
    createContractTerms({ ctx: { db, principal, now: () => at }, input: { programId, monthlyFeeCents: 4_500_000, ...input } as never });
  const DAY = 86_400_000;
  await enter(program.get('EN-CARE')!, new Date(now.getTime() - 380 * DAY), {
    validFrom: monthsAgo(now, 12),
    targets: EN_CARE_LAST_YEAR,
    note: 'Service agreement 2025, appendix B (quality targets)'
  });
  await enter(program.get('EN-CARE')!, new Date(now.getTime() - 100 * DAY), {
    validFrom: monthsAgo(now, 3),
    targets: EN_CARE_NOW,
    endOpenVersion: true,
    note: 'Amendment 3: stricter quality, callback and reachability targets from this quarter'
  });
  await enter(program.get('TC-CARE')!, new Date(now.getTime() - 200 * DAY), {
    validFrom: monthsAgo(now, 6),
    monthlyFeeCents: 2_800_000,
    targets: TC_CARE,
    note: 'Telco West care contract, schedule 2'
  });
  return { versions: 3 };
}
