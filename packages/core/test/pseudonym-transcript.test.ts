import { describe, expect, it } from 'vitest';
import { textAsNamedEach, transcriptAsNamed, type AgentNamer } from '../src/client-audit/pseudonym.ts';

const pseudonymise: AgentNamer = (a) => ({ ...a, name: 'Agent 7F3A' });
const keep: AgentNamer = (a) => a;
const turns = (...texts: string[]) => texts.map((text, i) => ({ speaker: 'agent' as const, start: i, end: i + 1, text }));

describe('the agent named in a transcript under a pseudonym', () => {
  it('replaces the whole name, the surname with its particles, the first name and the last word of the surname', () => {
    const out = transcriptAsNamed(pseudonymise, { id: 7, name: 'Bas van den Berg' }, [
      ...turns(
        'Goedemorgen, u spreekt met Bas van den Berg.',
        'Met Bas, waarmee kan ik helpen?',
        'Vraag naar meneer Van den Berg.',
        'BERG zei dat.'
      )
    ]);
    expect(out.map((t) => t.text)).toEqual([
      'Goedemorgen, u spreekt met Agent 7F3A.',
      'Met Agent 7F3A, waarmee kan ik helpen?',
      'Vraag naar meneer Agent 7F3A.',
      'Agent 7F3A zei dat.'
    ]);
  });

  it('leaves particles, words that merely contain the name, and everything else alone', () => {
    const text = 'Van de week belde de bank, Basje en Bergen niet; de rekening van den Haag.';
    expect(transcriptAsNamed(pseudonymise, { id: 7, name: 'Bas van den Berg' }, turns(text))[0]!.text).toBe(text);
  });

  it('changes nothing when the request sees the real name, or the agent is not known', () => {
    const t = turns('U spreekt met Bas.');
    expect(transcriptAsNamed(keep, { id: 7, name: 'Bas van den Berg' }, t)).toBe(t);
    expect(transcriptAsNamed(pseudonymise, { id: null, name: '' }, t)).toBe(t);
  });

  it('keeps the turn times and speakers, and names with regex characters are taken literally', () => {
    const out = transcriptAsNamed(pseudonymise, { id: 3, name: 'Jo (Jr.) Smith' }, turns('This is Jo (Jr.) Smith, or Jo.'));
    expect(out[0]).toEqual({ speaker: 'agent', start: 0, end: 1, text: 'This is Agent 7F3A, or Agent 7F3A.' });
  });

  it("names several agents in one pass: a pseudonym put in is never read as another agent's name", () => {
    const byId: AgentNamer = (a) => ({ ...a, name: `Agent ${a.id === 1 ? 'AAAA' : 'BBBB'}` });
    const asNamed = textAsNamedEach(byId, [
      { id: 1, name: 'Anna de Vries' },
      { id: 2, name: 'Agent Smith' }
    ]);
    expect(asNamed('Vries and agent Smith; Anna asked Smith.')).toBe('Agent AAAA and Agent BBBB; Agent AAAA asked Agent BBBB.');
    expect(asNamed('Nothing here.')).toBe('Nothing here.');
    // The regex folds case (ſ matches s) where toLowerCase does not map to the key: it still becomes a pseudonym.
    expect(textAsNamedEach(byId, [{ id: 1, name: 'Bas de Vries' }])('Met Baſ.')).toBe('Met Agent AAAA.');
  });
});
