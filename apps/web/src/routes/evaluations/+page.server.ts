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

const FILTERS = ['status', 'kind', 'mine', 'agentId', 'teamId', 'programId', 'from', 'to', 'cursor'] as const;

export const load: PageServerLoad = async (event) => {
  const q = new URLSearchParams();
  for (const k of FILTERS) {
    const v = event.url.searchParams.get(k);
    if (v) q.set(k, v);
  }
  q.set('limit', '50');
  const page = await getJson<{ items: EvaluationListItem[]; nextCursor: string | null }>(event, `/api/evaluations?${q}`);
  return { page, filters: Object.fromEntries(FILTERS.map((k) => [k, event.url.searchParams.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string> };
};
