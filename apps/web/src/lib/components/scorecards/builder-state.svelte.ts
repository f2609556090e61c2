import { ITEM_KEY_PATTERN } from '@attentive/shared/scorecard';
import type { AnswerValue, Definition, Item } from './model';
import { answerChoices, bestAnswer } from './model';
import { m } from '$lib/paraglide/messages';

/** Items and sections carry a local uid so ids can be edited without losing focus or order. */
export type EditItem = Item & { uid: number };
export type EditSection = { uid: number; id: string; title: string; description: string; items: EditItem[] };

let nextUid = 1;
const uid = () => nextUid++;

/** A key from a text: "Greets the customer" → "greets-the-customer", unique among `taken`. */
export function keyFrom(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}

/** The state of the scorecard builder: the draft being edited, its sample answers and save status. */
export class ScorecardBuilder {
  sections = $state<EditSection[]>([]);
  baseRevision = $state(0);
  dirty = $state(false);
  expanded = $state<Record<number, boolean>>({});
  sample = $state<Record<string, AnswerValue | null>>({});

  constructor(definition: Definition, revision: number) {
    this.sections = definition.sections.map((s) => ({
      uid: uid(),
      id: s.id,
      title: s.title,
      description: s.description,
      items: s.items.map((it) => ({ ...structuredClone(it), uid: uid() }))
    }));
    this.baseRevision = revision;
  }

  /** The definition as the API takes it. */
  toDefinition(): Definition {
    return {
      sections: this.sections.map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        items: s.items.map(({ uid: _u, ...it }) => $state.snapshot(it) as Item)
      }))
    };
  }

  itemIds(): ReadonlySet<string> {
    // A plain snapshot, not reactive state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return new Set(this.sections.flatMap((s) => s.items.map((i) => i.id)));
  }

  touch() {
    this.dirty = true;
  }

  addSection() {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const taken = new Set(this.sections.map((s) => s.id));
    const s: EditSection = {
      uid: uid(),
      id: keyFrom(`section ${this.sections.length + 1}`, taken),
      title: m.scorecards_section_default({ n: this.sections.length + 1 }),
      description: '',
      items: []
    };
    this.sections.push(s);
    this.touch();
    return s;
  }

  addItem(section: EditSection) {
    const it: EditItem = {
      uid: uid(),
      id: keyFrom('new item', this.itemIds()),
      text: '',
      guidance: '',
      answer: { type: 'yes_no' },
      weight: 1,
      naAllowed: false,
      dimension: 'customer_oriented',
      critical: null,
      bonus: false,
      required: true
    };
    section.items.push(it);
    this.expanded[it.uid] = true;
    this.touch();
    return it;
  }

  move<T>(list: T[], index: number, delta: -1 | 1) {
    const to = index + delta;
    if (to < 0 || to >= list.length) return;
    const [x] = list.splice(index, 1);
    list.splice(to, 0, x!);
    this.touch();
  }

  remove<T>(list: T[], index: number) {
    list.splice(index, 1);
    this.touch();
  }

  /** Sample answers for the preview, kept valid for the current items (stale ones fall back to the best answer). */
  sampleAnswers(): Record<string, AnswerValue | null> {
    const out: Record<string, AnswerValue | null> = {};
    for (const s of this.sections)
      for (const it of s.items) {
        if (!ITEM_KEY_PATTERN.test(it.id)) continue;
        const v = this.sample[it.id];
        const valid = v === null || (v !== undefined && answerChoices(it).some(([c]) => c === v));
        out[it.id] = valid ? v! : bestAnswer(it);
      }
    return out;
  }
}
