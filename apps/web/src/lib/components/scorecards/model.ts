import type { AnswerType, AnswerValue, ScorecardDefinition, ScorecardItem } from '@attentive/shared/scorecard';
import type { ScorecardDetail } from '$lib/api/types';
import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';

export type Definition = ScorecardDefinition;
export type Item = ScorecardItem;
export type { AnswerType, AnswerValue };

/** The scorecard screens' names for the API's answers (derived from the typed client, never written by hand). */
export type Scorecard = ScorecardDetail['scorecard'];
export type VersionSummary = ScorecardDetail['versions'][number];
export type Version = NonNullable<ScorecardDetail['draft']>;

/** The names of dimensions, answer types and critical classes: message functions, called where they are shown. */
export const DIMENSION_LABEL = {
  customer_friendly: m.scorecards_dimension_customer_friendly,
  customer_oriented: m.scorecards_dimension_customer_oriented,
  compliance: m.scorecards_dimension_compliance
} as const;
export const DIMENSION_TONE = { customer_friendly: 'friendly', customer_oriented: 'oriented', compliance: 'compliance' } as const;
export const ANSWER_LABEL = {
  yes_no: m.scorecards_answer_yes_no,
  scale: m.scorecards_answer_scale,
  choice: m.scorecards_answer_choice
} as const;
export const CRITICAL_LABEL = {
  customer: m.scorecards_critical_customer,
  business: m.scorecards_critical_business,
  compliance: m.scorecards_critical_compliance
} as const;

export function describeAnswer(a: AnswerType, f: Format): string {
  if (a.type === 'yes_no') return m.scorecards_answer_yes_no();
  if (a.type === 'scale') return m.scorecards_answer_scale_range({ min: f.number(a.min), max: f.number(a.max) });
  return a.options.map((o) => `${o.label} (${f.number(o.points)})`).join(' · ');
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
          ['yes', m.scorecards_answer_yes()],
          ['no', m.scorecards_answer_no()]
        ]
      : a.type === 'scale'
        ? Array.from(
            { length: Math.max(0, Math.min(a.max - a.min + 1, 101)) },
            (_, i) => [a.min + i, String(a.min + i)] as [AnswerValue, string]
          )
        : a.options.map((o) => [o.key, o.label] as [AnswerValue, string]);
  if (it.naAllowed) out.push(['na', m.scorecards_answer_na()]);
  return out;
}

/** A score 0–100 as a whole percentage ("—" when there is none). */
export const fmtScore = (f: Format, x: number | null | undefined) => (x == null ? '—' : f.percent(x / 100, 0));

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

/** The diff in words, each item named by its text (an id only when the item has none). */
export function describeDiff(d: ReturnType<typeof diffItems>, prev: Definition | null, next: Definition): string {
  const texts = new Map(
    [...(prev?.sections ?? []), ...next.sections].flatMap((s) => s.items.map((it) => [it.id, it.text || it.id] as const))
  );
  const list = (ids: string[]) => (ids.length ? ` (${ids.map((id) => `“${texts.get(id) ?? id}”`).join(', ')})` : '');
  return m.scorecards_diff({
    added: `${d.added.length}${list(d.added)}`,
    changed: `${d.changed.length}${list(d.changed)}`,
    removed: `${d.removed.length}${list(d.removed)}`
  });
}
