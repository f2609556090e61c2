import { dueDay, formatPeriodDates } from '@attentive/shared/period';

/** Shapes of the sampling API's answers (apps/api/src/routes/sampling.ts), as the screens use them. */
export type Definition = {
  period: 'week' | 'month';
  timezone: string;
  quota: { perAgent: number; percentOfEligible: number | null; newAgent: { months: number; perAgent: number } | null; min: number | null; max: number | null };
  filters: {
    minTalkSeconds: number | null;
    maxTalkSeconds: number | null;
    queueIds: number[];
    direction: 'any' | 'inbound' | 'outbound';
    daysOfWeek: number[];
    hours: { from: number; to: number } | null;
    dispositions: string[];
    media: 'any' | 'recording' | 'transcript';
  };
  exclude: { alreadyEvaluated: boolean; alreadySampled: boolean };
  stratify: { spread: 'none' | 'day' | 'week'; proportional: 'none' | 'queue' | 'hour' };
  assignment: { mode: 'own_team' | 'cross_team'; dueDays: number };
};

export const DEFAULT_DEFINITION: Definition = {
  period: 'week',
  timezone: 'Europe/Amsterdam',
  quota: { perAgent: 4, percentOfEligible: null, newAgent: { months: 3, perAgent: 8 }, min: null, max: null },
  filters: { minTalkSeconds: 30, maxTalkSeconds: null, queueIds: [], direction: 'any', daysOfWeek: [], hours: null, dispositions: [], media: 'any' },
  exclude: { alreadyEvaluated: true, alreadySampled: true },
  stratify: { spread: 'day', proportional: 'none' },
  assignment: { mode: 'own_team', dueDays: 7 }
};

export type SamplingOptions = {
  programs: { id: number; name: string; code: string; clientId: number; clientName: string; queues: { id: number; code: string; name: string }[]; dispositions: string[] }[];
};

export type PlanListItem = {
  id: number;
  programId: number;
  name: string;
  draft: Definition;
  publishedVersion: number | null;
  active: boolean;
  programName: string;
  clientName: string;
  runs: number;
  lastRunAt: string | null;
  updatedAt: string;
};

export type PlanDetail = PlanListItem & { versions: { id: number; version: number; definition: Definition; publishedAt: string; publishedBy: string }[] };

export type RunListItem = {
  id: number;
  planId: number;
  planName: string;
  programName: string;
  clientName: string;
  purpose: 'routine' | 'audit';
  trigger: 'schedule' | 'manual' | 'client';
  seedSource: 'generated' | 'client';
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  /** First and last local day of the period, inclusive (for display). */
  periodFrom: string;
  periodTo: string;
  populationSize: number;
  selectedCount: number;
  createdAt: string;
  finishedAt: string | null;
};

export type RunItem = {
  id: number;
  callId: number;
  agentId: number;
  agentName: string;
  agentCode: string;
  rank: string;
  stratum: string;
  status: 'selected' | 'replaced' | 'replacement';
  replacedBy: number | null;
  reason: string | null;
  replacedAt: string | null;
  assignedTo: number | null;
  assigneeName: string | null;
  dueAt: string | null;
  overdue: boolean;
  evaluationId: number | null;
  evaluationStatus: 'draft' | 'submitted' | null;
  startedAt: string;
  talkSeconds: number;
};

export type LedgerRow = { agentId: number; agentName: string; eligible: number; quota: number; drawn: number; replaced: number; replacements: number; standing: number; reasons: string[]; short: boolean };

export type RunDetail = {
  run: RunListItem & { seed: string; populationHash: string; requestedBy: string; planVersionId: number; clientId: number; programId: number };
  definition: Definition;
  excludedCount: number;
  callsInPeriod: number;
  items: RunItem[];
  ledger: LedgerRow[];
};

export type Verification = {
  runId: number;
  planName: string;
  programName: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  seed: string;
  seedSource: 'generated' | 'client';
  algorithm: string;
  stored: { populationHash: string; populationSize: number; selected: number };
  recomputed: { populationHash: string; populationSize: number; selected: number };
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  missing: number[];
  unexpected: number[];
  ms: number;
};

export type Level = { level: 'agent' | 'team' | 'program'; key: string; population: number; required: number; planned: number; marginAtPlanned: number | null };
export type Preview = {
  program: { id: number; name: string };
  period: { label: string; start: string; end: string; from: string; to: string };
  quota: {
    groups: { group: 'new' | 'other'; label: string; quota: number | null; rule: string; agents: number; planned: number; quotaMin: number | null; quotaMax: number | null; strata: { key: string; label: string; planned: number }[] }[];
    warnings: string[];
    strata: 'none' | 'queue' | 'hour';
  };
  confidence: number;
  margin: number;
  callsInPeriod: number;
  excluded: number;
  eligible: number;
  planned: number;
  agents: { agentId: number; name: string; teamId: number | null; eligible: number; quota: number; isNew: boolean; planned: number; required: number; marginAtPlanned: number | null }[];
  teams: (Level & { name: string })[];
  programLevel: Level;
};

export type WorkItem = {
  itemId: number;
  runId: number;
  callId: number;
  agentName: string;
  dueAt: string | null;
  startedAt: string;
  talkSeconds: number;
  direction: 'inbound' | 'outbound';
  queueName: string | null;
  programName: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  hasRecording: boolean;
  hasTranscript: boolean;
  overdue: boolean;
  inProgress: boolean;
  status: 'selected' | 'replaced' | 'replacement';
};
export type WorkQueue = {
  personId: number;
  week: { label: string; start: string; end: string; from: string; to: string };
  summary: { open: number; overdue: number; dueThisWeek: number; inProgress: number; doneThisWeek: number };
  items: WorkItem[];
};

export const pct = (x: number | null | undefined) => (x == null ? '—' : `±${(x * 100).toFixed(x < 0.1 ? 1 : 0)} pts`);
/** Times on the contact center's clock (as the calls list), whatever the zone of the server or the browser. */
const TZ = 'Europe/Amsterdam';
export const when = (s: string | null) => (s ? new Date(s).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ }) : '—');
/** The day work is due by (a due time at local midnight ends the day before). */
export const day = (s: string | null) =>
  s ? new Date(`${dueDay(s, TZ)}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }) : '—';
export const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
/** A period as people read it, in the plan's zone with an inclusive end: "2026-11-23 – 2026-11-29". */
export const periodText = (p: { periodFrom: string; periodTo: string } | { from: string; to: string }) =>
  'periodFrom' in p ? formatPeriodDates({ from: p.periodFrom, to: p.periodTo }) : formatPeriodDates(p);
