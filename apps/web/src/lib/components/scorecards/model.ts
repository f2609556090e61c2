import type { AnswerType, AnswerValue, ScorecardDefinition, ScorecardItem } from '@attentive/shared/scorecard';
import type { ScorecardDetail } from '$lib/api/types';

export type Definition = ScorecardDefinition;
export type Item = ScorecardItem;
export type { AnswerType, AnswerValue };

/** The scorecard screens' names for the API's answers (derived from the typed client, never written by hand). */
export type Scorecard = ScorecardDetail['scorecard'];
export type VersionSummary = ScorecardDetail['versions'][number];
export type Version = NonNullable<ScorecardDetail['draft']>;

export const DIMENSION_LABEL = { customer_friendly: 'Friendly', customer_oriented: 'Oriented', compliance: 'Compliance' } as const;
export const DIMENSION_TONE = { customer_friendly: 'friendly', customer_oriented: 'oriented', compliance: 'compliance' } as const;
export const ANSWER_LABEL = { yes_no: 'Yes / no', scale: 'Scale', choice: 'Choice list' } as const;

export function describeAnswer(a: AnswerType): string {
  if (a.type === 'yes_no') return 'yes / no';
  if (a.type === 'scale') return `scale ${a.min}–${a.max}`;
  return a.options.map((o) => `${o.label} (${o.points})`).join(' · ');
}

/** The best possible answer to an item: the default of the builder's sample call. */
export function bestAnswer(it: Item): AnswerValue {
  const a = it.answer;
  if (a.type === 'yes_no') return 'yes';
  if (a.type === 'scale') return a.max;
  return [...a.options].sort((x, y) => y.points - x.points)[0]?.key ?? 'na';
}

/** The answers an item accepts, for pickers: [value, label]. */
export function answerChoices(it: Item): [AnswerValue, string][] {
  const a = it.answer;
  const out: [AnswerValue, string][] =
    a.type === 'yes_no'
      ? [
          ['yes', 'Yes'],
          ['no', 'No']
        ]
      : a.type === 'scale'
        ? Array.from(
            { length: Math.max(0, Math.min(a.max - a.min + 1, 101)) },
            (_, i) => [a.min + i, String(a.min + i)] as [AnswerValue, string]
          )
        : a.options.map((o) => [o.key, o.label] as [AnswerValue, string]);
  if (it.naAllowed) out.push(['na', 'N.A.']);
  return out;
}

export const fmtPct = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x)}%`);
export const fmtDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : '—';

/** What a draft changes against the published version, item by item (ids are stable across versions). */
export function diffItems(prev: Definition | null, next: Definition): { added: string[]; removed: string[]; changed: string[] } {
  const index = (d: Definition | null) =>
    new Map((d?.sections ?? []).flatMap((s) => s.items.map((it) => [it.id, { ...it, section: s.id }] as const)));
  const a = index(prev);
  const b = index(next);
  const added = [...b.keys()].filter((k) => !a.has(k));
  const removed = [...a.keys()].filter((k) => !b.has(k));
  const changed = [...b.keys()].filter((k) => a.has(k) && JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)));
  return { added, removed, changed };
}

export function describeDiff(d: ReturnType<typeof diffItems>): string {
  const part = (n: string, ids: string[]) => `${ids.length} ${n}${ids.length ? ` (${ids.join(', ')})` : ''}`;
  return `${part('added', d.added)}, ${part('changed', d.changed)}, ${part('removed', d.removed)}.`;
}
