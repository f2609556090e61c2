/** Shapes of the coaching API (apps/api/src/routes/coaching*.ts) as the screens use them. */
export type Estimate = { n: number; estimate: number | null; low: number | null; high: number | null };
export type Dimension = 'customer_friendly' | 'customer_oriented' | 'compliance';
export const DIMENSIONS: Dimension[] = ['customer_friendly', 'customer_oriented', 'compliance'];
export const DIM_LABEL: Record<Dimension, string> = { customer_friendly: 'Customer-friendly', customer_oriented: 'Customer-oriented', compliance: 'Compliance' };
export const DIM_TONE: Record<Dimension, string> = { customer_friendly: 'friendly', customer_oriented: 'oriented', compliance: 'compliance' };

export type ItemEstimate = { itemId: string; text: string; dimension: string; critical: boolean; estimate: Estimate };
export type Quadrant = 'both' | 'friendly_only' | 'oriented_only' | 'neither';

export type AgentSummary = {
  agent: { id: number; name: string; code: string; hireDate: string | null };
  monthCount: number;
  months: { month: string; n: number; overall: Estimate; dimensions: Record<Dimension, Estimate> }[];
  total: { n: number; overall: Estimate };
  recent: { since: string; n: number; overall: Estimate; dimensions: Record<Dimension, Estimate> };
  position: { since: string; friendly: Estimate; oriented: Estimate; quadrant: Quadrant | null };
  path: { month: string; n: number; friendly: number; oriented: number }[];
  strengths: ItemEstimate[];
  weak: ItemEstimate[];
  evaluations: { id: number; kind: string; submittedAt: string; overallScore: number | null; dimensionScores: Record<string, number | null>; failed: boolean; revision: number; evaluatorLabel: string; programName: string; acknowledged: boolean }[];
  unread: number;
  openActions: { id: number; text: string; owner: 'agent' | 'coach'; dueOn: string; sessionId: number; heldOn: string; overdue: boolean }[];
  selfEvaluations: { id: number; callId: number; requestedAt: string; requestedByLabel: string; message: string | null }[];
  openDisputes: { id: number; evaluationId: number; status: string; openedAt: string }[];
};

export type DisputeStatus = 'open' | 'accepted' | 'partly_accepted' | 'rejected';
export type Answer = string | number;
export type Dispute = {
  id: number;
  evaluationId: number;
  agentId: number;
  revision: number;
  status: DisputeStatus;
  openedAt: string;
  ageDays: number;
  resolvedAt: string | null;
  resolverLabel: string | null;
  resolutionReason: string | null;
  resultingRevision: number | null;
  items: { itemId: string; text: string; reason: string; answerBefore: Answer | null; proposedAnswer: Answer | null; outcome: 'accepted' | 'rejected' | null; answerAfter: Answer | null }[];
};

export const STATUS_LABEL: Record<DisputeStatus, string> = { open: 'Open', accepted: 'Accepted', partly_accepted: 'Partly accepted', rejected: 'Rejected' };
export const STATUS_TONE: Record<DisputeStatus, string> = { open: 'warn', accepted: 'ok', partly_accepted: 'ok', rejected: 'danger' };

export type QueueEntry = {
  agentId: number;
  name: string;
  teamName: string | null;
  tenureDays: number | null;
  oriented: Estimate;
  criticalErrors: number;
  overdueFollowUps: number;
  openDisputes: number;
  priority: number;
  reasons: { code: string; text: string; points: number }[];
};

export type SessionDetail = {
  session: { id: number; agentId: number; agentName: string; coachLabel: string; heldOn: string; notes: string; followUpOn: string | null; agentConfirmedAt: string | null; closedAt: string | null };
  evaluations: { id: number; submittedAt: string | null; overallScore: number | null }[];
  focusItems: { itemId: string; itemText: string; text: string; before: Estimate; after: Estimate }[];
  laterEvaluations: { id: number; submittedAt: string | null; overallScore: number | null }[];
  actions: { id: number; text: string; owner: 'agent' | 'coach'; dueOn: string; doneAt: string | null }[];
  followUps: { id: number; progress: 'improved' | 'unchanged' | 'worse'; note: string; authorLabel: string; at: string }[];
  viewerIsAgent: boolean;
  canConfirm: boolean;
  canFollowUp: boolean;
};

/** "72" or "–": a score with no false precision. */
export const fmt = (x: number | null | undefined) => (x == null ? '–' : String(Math.round(x)));
/** "72 (n=9, 95% 60–84)"; with n = 1 no interval exists: "72 (n=1)". */
export function fmtEstimate(e: Estimate): string {
  if (e.n === 0 || e.estimate == null) return 'no data (n=0)';
  const interval = e.low != null && e.high != null ? `, 95% ${fmt(e.low)}–${fmt(e.high)}` : '';
  return `${fmt(e.estimate)} (n=${e.n}${interval})`;
}
export const fmtDay = (iso: string | null | undefined) => (iso ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }) : '–');
export const monthLabel = (ym: string) => new Date(`${ym}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
export const who = (label: string | null | undefined) => (label ?? '').replace(/^(user|agent|token|system):/, '').replace(/@.*$/, '');
