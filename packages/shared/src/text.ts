import { z } from 'zod';

/**
 * Text people type (names, codes, labels, notes, reasons, comments) must show what it stores: no
 * control characters (NUL ends strings in C tools and logs), no lone surrogates (not text at all),
 * no bidi overrides or isolates (they reorder what a reader sees: "Trojan source" names), and — in
 * one-line text — no zero-width characters (two names that look alike but differ).
 * Multi-line text (notes, reasons, comments) may hold line breaks and tabs, and zero-width joiners
 * (emoji sequences, Indic and Persian scripts).
 */
const CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/u;
const ZERO_WIDTH_NOTES = /[\u200B\u2060\uFEFF]/u;
const MULTILINE_ALLOWED = new Set(['\n', '\r', '\t']);

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` is refused (naming the character and its position), or null when it is fine. */
export function textProblem(text: string, opts: { multiline?: boolean } = {}): string | null {
  const multiline = opts.multiline ?? false;
  let i = 0;
  for (const ch of text) {
    i++;
    if (CONTROL.test(ch) && !(multiline && MULTILINE_ALLOWED.has(ch))) {
      return ch === '\n' || ch === '\r'
        ? `must be one line (line break at character ${i})`
        : `contains a control character (${hex(ch)} at character ${i})`;
    }
    if (LONE_SURROGATE.test(ch)) return `contains a broken character (lone surrogate ${hex(ch)} at character ${i}): send UTF-8 text`;
    if (BIDI_CONTROL.test(ch)) return `contains a text-direction override (${hex(ch)} at character ${i}); remove it`;
    if ((multiline ? ZERO_WIDTH_NOTES : ZERO_WIDTH).test(ch))
      return `contains an invisible character (${hex(ch)} at character ${i}); remove it`;
  }
  return null;
}

type TextOptions = {
  /** Most characters allowed (after trimming). */
  max: number;
  /** Fewest characters (after trimming); 0 allows empty text. */
  min?: number;
  /** Message when shorter than `min`. */
  minMessage?: string;
  /** Notes, reasons, comments: line breaks and tabs allowed. */
  multiline?: boolean;
  /** Trim surrounding whitespace first (default true). */
  trim?: boolean;
};

/**
 * The one schema for text people type. `plainText({ max: 200, min: 1 })` for a name,
 * `plainText({ max: 2000, min: 3, multiline: true })` for a reason.
 */
export function plainText(opts: TextOptions) {
  let s = z.string();
  if (opts.trim ?? true) s = s.trim();
  if (opts.min) s = s.min(opts.min, opts.minMessage ?? (opts.min === 1 ? 'is required' : `must be at least ${opts.min} characters`));
  s = s.max(opts.max, `must be at most ${opts.max} characters`);
  return s.superRefine((v, ctx) => {
    const problem = textProblem(v, { multiline: opts.multiline });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
