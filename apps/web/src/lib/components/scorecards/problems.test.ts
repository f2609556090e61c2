import { describe, expect, it } from 'vitest';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { actorEmails, actorName } from './actor';
import { draftProblems } from './problems';

const item = (id: string, text: string) => ({ id, text, answer: { type: 'yes_no' as const }, weight: 1, dimension: 'compliance' as const });
const sections = [
  { id: 'open', title: 'Opening', items: [item('greets', 'Greets the customer'), item('bad id!', 'Confirms the address')] }
];

describe('draftProblems', () => {
  it("names an item by its text, never its id, in the page's language (the API's own paths and messages)", () => {
    const parsed = ScorecardDefinition.safeParse({ sections });
    expect(parsed.success).toBe(false);
    const details = parsed.error!.issues.map((i) => ({ path: ['definition', ...i.path].join('.'), message: i.message }));
    overwriteGetLocale(() => 'en');
    const [p] = draftProblems(sections, details);
    expect(p).toEqual({ text: expect.stringContaining('“Confirms the address”: the id must be'), item: [0, 1] });
    expect(p!.text).not.toContain('bad id!');
    overwriteGetLocale(() => 'nl');
    expect(draftProblems(sections, details)[0]!.text).toContain('“Confirms the address”: de id moet');
  });
  it('says where an item without text is, and what is wrong with a section or the whole scorecard', () => {
    overwriteGetLocale(() => 'en');
    const untitled = [{ title: 'Opening', items: [{ text: '' }] }];
    const said = draftProblems(untitled, [
      { path: 'definition.sections.0.items.0.text' },
      { path: 'definition.sections.0' },
      { path: 'definition.sections' }
    ]).map((p) => p.text);
    expect(said).toEqual([
      '“item 1 of section Opening”: the text is required (at most 300 characters).',
      'Section “Opening” has no items.',
      'A scorecard needs at least one section, and at least one item that carries weight and is not a bonus item.'
    ]);
  });
});

describe('actorName', () => {
  it('shows a person by name, and never an address for an unknown one', () => {
    overwriteGetLocale(() => 'en');
    const names = { 'ann@example.com': 'Ann Jansen' };
    expect(actorName('user:Ann@example.com', names)).toBe('Ann Jansen');
    expect(actorName('user:bob@example.com', names)).toBe('a colleague');
    expect(actorName('token:7', names)).toBe('API token 7');
    expect(actorName('system:demo', names)).toBe('the demo data');
    expect(actorName(null, names)).toBe('someone');
    overwriteGetLocale(() => 'nl');
    expect(actorName('user:bob@example.com', names)).toBe('een collega');
    expect(actorEmails(['user:Ann@example.com', 'token:7', null, 'user:ann@example.com'])).toEqual(['ann@example.com']);
  });
});
