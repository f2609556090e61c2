import type { PageServerLoad } from './$types';
import { getJson } from '$lib/server/evaluations';
import { apiQueries, parseFilters } from './filters';

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

export type Estimate = { n: number; estimate: number | null; low: number | null; high: number | null };
export type AggregateRow = {
  group: { id: number | null; name: string };
  n: number;
  overall: Estimate;
  dimensions: Record<'customer_friendly' | 'customer_oriented' | 'compliance', Estimate>;
  failRate: Estimate;
};

export const load: PageServerLoad = async (event) => {
  // Values typed by hand that the page does not offer are dropped and named, never sent on to fail.
  const { filters, ignored } = parseFilters(event.url.searchParams);
  const q = apiQueries(filters);
  const [page, aggregates] = await Promise.all([
    getJson<{ items: EvaluationListItem[]; nextCursor: string | null }>(event, `/api/evaluations?${q.list}`),
    getJson<{ groupBy: string; rows: AggregateRow[] }>(event, `/api/evaluations/aggregates?${q.aggregates}`)
  ]);
  return { page, aggregates, groupBy: filters.groupBy, filters, ignored };
};
