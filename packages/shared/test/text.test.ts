import { describe, expect, it } from 'vitest';
import { plainText, textProblem } from '../src/text.ts';

describe('text people type', () => {
  it('refuses control, lone-surrogate, direction-override and zero-width characters, naming the character and where', () => {
    expect(textProblem('a\u0000b')).toBe('contains a control character (U+0000 at character 2)');
    expect(textProblem('a\u0085b')).toMatch(/control character \(U\+0085/);
    expect(textProblem('\udc00')).toMatch(/lone surrogate U\+DC00 at character 1/);
    for (const ch of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(textProblem(`x${ch}`)).toMatch(/text-direction override/);
    for (const ch of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) expect(textProblem(`x${ch}`)).toMatch(/invisible character/);
    expect(textProblem('two\nlines')).toBe('must be one line (line break at character 4)');
  });

  it('accepts ordinary text of every script, emoji and (in notes) line breaks, tabs and joiners', () => {
    for (const ok of ['Zoë Ångström', 'محمد', 'שלום', '王小明', 'नमस्ते', '😀 👍🏽', "O'Brien-Smith (ext.)"])
      expect(textProblem(ok)).toBeNull();
    expect(textProblem('Line 1\r\n\tLine 2 👩‍💻', { multiline: true })).toBeNull();
    expect(textProblem('x\u202e', { multiline: true })).toMatch(/text-direction override/);
    expect(textProblem('x\u0007', { multiline: true })).toMatch(/control character/);
  });

  it('plainText trims, counts and refuses in one schema', () => {
    const Name = plainText({ min: 1, max: 5 });
    expect(Name.parse('  Ann ')).toBe('Ann');
    expect(Name.safeParse('   ').success).toBe(false);
    expect(Name.safeParse('abcdef').error?.issues[0]?.message).toBe('must be at most 5 characters');
    expect(Name.safeParse('A\u200bn').error?.issues[0]?.message).toMatch(/invisible character \(U\+200B at character 2\)/);
    expect(plainText({ max: 10 }).optional().parse(undefined)).toBeUndefined();
  });
});
