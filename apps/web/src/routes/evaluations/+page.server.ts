import type { PageServerLoad } from './$types';
import { getJson } from '$lib/server/evaluations';

export type EvaluationListItem = {
  id: number;
  callId: number | null;
  kind: string;
  status: 'draft' | 'submitted';
  revision: number;
  overallScore: number | null;
  dimensionScores: Record<string, number | null>;
  failed: boolean;
  criticalFlags: string[];
  submittedAt: string | null;
  updatedAt: string;
  evaluatorLabel: string;
  agentId: number;
  agentName: string;
  teamName: string | null;
  programId: number;
  programName: string;
  callStartedAt: string | null;
};

const FILTERS = ['status', 'kind', 'mine', 'agentId', 'teamId', 'programId', 'from', 'to', 'cursor', 'groupBy'] as const;

export type Estimate = { n: number; estimate: number | null; low: number | null; high: number | null };
export type AggregateRow = {
  group: { id: number | null; name: string };
  n: number;
  overall: Estimate;
  dimensions: Record<'customer_friendly' | 'customer_oriented' | 'compliance', Estimate>;
  failRate: Estimate;
};

export const load: PageServerLoad = async (event) => {
  const q = new URLSearchParams();
  for (const k of FILTERS) {
    const v = event.url.searchParams.get(k);
    if (v) q.set(k, v);
  }
  q.set('limit', '50');
  // Aggregates over the same agent/team/program/period filters (submitted evaluations only).
  const a = new URLSearchParams();
  for (const k of ['agentId', 'teamId', 'programId', 'from', 'to'] as const) if (q.get(k)) a.set(k, q.get(k)!);
  const groupBy = ['agent', 'team', 'program'].includes(q.get('groupBy') ?? '') ? q.get('groupBy')! : 'team';
  a.set('groupBy', groupBy);
  q.delete('groupBy');
  const [page, aggregates] = await Promise.all([
    getJson<{ items: EvaluationListItem[]; nextCursor: string | null }>(event, `/api/evaluations?${q}`),
    getJson<{ groupBy: string; rows: AggregateRow[] }>(event, `/api/evaluations/aggregates?${a}`)
  ]);
  return { page, aggregates, groupBy, filters: Object.fromEntries(FILTERS.map((k) => [k, event.url.searchParams.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string> };
};
