import type { Estimate } from '../stats/intervals.ts';

/** What the coaching queue knows about one agent (loaded by coaching-queue.ts). */
export type QueueFacts = {
  agentId: number;
  name: string;
  teamName: string | null;
  /** Days since hire; null when unknown. */
  tenureDays: number | null;
  /** Customer-oriented score over the look-back window (mean, n, interval). */
  oriented: Estimate;
  /** Evaluations with a critical error in the look-back window. */
  criticalErrors: number;
  /** Days the oldest overdue follow-up is late; 0 or null: none overdue. */
  overdueFollowUpDays: number | null;
  overdueFollowUps: number;
  openDisputes: number;
  oldestOpenDisputeDays: number | null;
};

export type QueueReason = {
  code: 'open_disputes' | 'overdue_follow_up' | 'critical_errors' | 'low_oriented' | 'new_agent' | 'no_evaluations';
  text: string;
  points: number;
};
export type QueueEntry = QueueFacts & { priority: number; reasons: QueueReason[] };

export const QUEUE_RULES = {
  /** Below this customer-oriented score an agent needs attention; the further below, the sooner. */
  orientedTarget: 70,
  /** New agents: first three months. */
  newAgentDays: 90
} as const;

const fmt = (x: number | null) => (x == null ? '–' : String(Math.round(x)));

/**
 * Which agents a lead should coach first, each with the reasons shown. Pure: one place for the rule.
 * Points per reason (the highest total first): open disputes wait on the lead (25 each, ≤ 50, +1 per day
 * of the oldest); an overdue follow-up is a broken promise (30 + 1 per day late, ≤ 60); critical errors
 * (20 each, ≤ 60); a customer-oriented score under target (1.5 per point short, only when its interval's
 * upper end is under target too or n < 3, so a single bad call of a strong agent does not dominate; a
 * small sample is said so); new agents (15). Ties: lower oriented score first, then name.
 */
export function rankCoachingQueue(facts: QueueFacts[]): QueueEntry[] {
  const entries = facts.map((f) => {
    const reasons: QueueReason[] = [];
    if (f.openDisputes > 0) {
      const age = f.oldestOpenDisputeDays ?? 0;
      reasons.push({
        code: 'open_disputes',
        points: Math.min(50, 25 * f.openDisputes) + Math.min(30, age),
        text: `${f.openDisputes} open dispute${f.openDisputes > 1 ? 's' : ''} (oldest ${age} day${age === 1 ? '' : 's'})`
      });
    }
    if (f.overdueFollowUps > 0 && f.overdueFollowUpDays != null && f.overdueFollowUpDays > 0) {
      reasons.push({
        code: 'overdue_follow_up',
        points: Math.min(60, 30 + f.overdueFollowUpDays),
        text: `Follow-up overdue by ${f.overdueFollowUpDays} day${f.overdueFollowUpDays === 1 ? '' : 's'}`
      });
    }
    if (f.criticalErrors > 0) {
      reasons.push({
        code: 'critical_errors',
        points: Math.min(60, 20 * f.criticalErrors),
        text: `${f.criticalErrors} evaluation${f.criticalErrors > 1 ? 's' : ''} with a critical error`
      });
    }
    const o = f.oriented;
    if (o.n === 0 || o.estimate == null) {
      reasons.push({ code: 'no_evaluations', points: 5, text: 'No evaluations in the period: nothing to go on' });
    } else if (o.estimate < QUEUE_RULES.orientedTarget) {
      const clear = o.high != null && o.high < QUEUE_RULES.orientedTarget;
      if (clear || o.n < 3) {
        const short = QUEUE_RULES.orientedTarget - o.estimate;
        const interval = o.low != null && o.high != null ? `, 95% ${fmt(o.low)}–${fmt(o.high)}` : '';
        reasons.push({
          code: 'low_oriented',
          points: Math.round(1.5 * short * (clear ? 1 : 0.5)),
          text: `Customer-oriented ${fmt(o.estimate)} (n=${o.n}${interval})${clear ? '' : ': small sample'}`
        });
      }
    }
    if (f.tenureDays != null && f.tenureDays < QUEUE_RULES.newAgentDays) {
      reasons.push({ code: 'new_agent', points: 15, text: `New agent: ${f.tenureDays} day${f.tenureDays === 1 ? '' : 's'} in service` });
    }
    reasons.sort((a, b) => b.points - a.points);
    return { ...f, reasons, priority: reasons.reduce((s, r) => s + r.points, 0) };
  });
  return entries.sort(
    (a, b) =>
      b.priority - a.priority ||
      (a.oriented.estimate ?? Number.POSITIVE_INFINITY) - (b.oriented.estimate ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name)
  );
}
