/**
 * The evaluations page's query string, typed by hand as often as by the form: every value is checked
 * here and a value that is not one the page offers is dropped (and named), never passed on to fail as a 500.
 */
export const KINDS = ['sampled', 'live', 'mystery', 'calibration', 'self', 'client_rescore', 'second_opinion'] as const;
/** The kinds that count toward an agent (docs/scoring.md): what the aggregates average unless a kind is chosen. */
export const COUNTING_KINDS = ['sampled', 'live', 'mystery'] as const;
export const GROUPS = ['team', 'agent', 'program'] as const;

/** Roles that see self-evaluations (core evaluations/kinds.ts: every kind is visible to them but the client's). */
const INSIDE_ROLES = ['admin', 'qa_analyst', 'team_lead', 'agent'];
/**
 * The kinds a person may find on the page: a client auditor (and nobody else in the contact center) never
 * sees self-evaluations — they are the agent's coaching data (KIND_TRAITS.self.visibleToClient) — so the Kind
 * filter does not offer them. The API applies the same rule to what it lists.
 */
export const kindsFor = (roles: readonly string[] | undefined): readonly (typeof KINDS)[number][] =>
  roles?.some((r) => INSIDE_ROLES.includes(r)) ? KINDS : KINDS.filter((k) => k !== 'self');

export type Filters = {
  status: '' | 'draft' | 'submitted';
  kind: '' | (typeof KINDS)[number];
  mine: '' | 'true';
  agentId: string;
  teamId: string;
  programId: string;
  from: string;
  to: string;
  cursor: string;
  groupBy: (typeof GROUPS)[number];
};

const ID = /^[1-9][0-9]{0,15}$/;
const isDay = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const oneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** The filters a query string asks for, and the parameters it held that were dropped. */
export function parseFilters(q: URLSearchParams): { filters: Filters; ignored: string[] } {
  const ignored: string[] = [];
  const take = <T extends string>(key: string, ok: (v: string) => boolean, fallback: T, map: (v: string) => T = (v) => v as T): T => {
    const v = q.get(key);
    if (v == null || v === '') return fallback;
    if (ok(v)) return map(v);
    ignored.push(key);
    return fallback;
  };
  return {
    filters: {
      status: take('status', (v) => v === 'draft' || v === 'submitted', ''),
      kind: take('kind', (v) => oneOf(KINDS, v), ''),
      // A checkbox sends "true"; people type 1, yes or on.
      mine: take(
        'mine',
        (v) => ['true', '1', 'yes', 'on', 'false', '0', 'no', 'off'].includes(v.toLowerCase()),
        '',
        (v) => (['true', '1', 'yes', 'on'].includes(v.toLowerCase()) ? 'true' : '')
      ),
      agentId: take('agentId', (v) => ID.test(v), ''),
      teamId: take('teamId', (v) => ID.test(v), ''),
      programId: take('programId', (v) => ID.test(v), ''),
      from: take('from', isDay, ''),
      to: take('to', isDay, ''),
      cursor: take('cursor', (v) => ID.test(v), ''),
      groupBy: take('groupBy', (v) => oneOf(GROUPS, v), 'team')
    },
    ignored
  };
}

/** The API queries for the list and the aggregates. The aggregates follow the kind filter; without one, the counting kinds. */
export function apiQueries(f: Filters): { list: URLSearchParams; aggregates: URLSearchParams } {
  const list = new URLSearchParams();
  for (const k of ['status', 'kind', 'mine', 'agentId', 'teamId', 'programId', 'from', 'to', 'cursor'] as const)
    if (f[k]) list.set(k, f[k]);
  list.set('limit', '50');
  const aggregates = new URLSearchParams();
  for (const k of ['agentId', 'teamId', 'programId', 'from', 'to'] as const) if (f[k]) aggregates.set(k, f[k]);
  aggregates.set('groupBy', f.groupBy);
  aggregates.set('kinds', f.kind || COUNTING_KINDS.join(','));
  return { list, aggregates };
}
