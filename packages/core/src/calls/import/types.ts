/** How an import treats bad rows: store nothing at all, or store the good rows and report the bad ones. */
export const IMPORT_MODES = ['all-or-nothing', 'skip-invalid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * One problem with one row. CSV rows carry `line` (1-based line in the file, the header is line 1);
 * JSON records carry `index` (0-based position in the array). `column` names the field, or '(row)'.
 */
export type RowError = { line?: number; index?: number; column: string; reason: string };

export type ImportCounts = {
  /** Data rows read (valid and invalid). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows refused (each has one or more errors). */
  invalid: number;
};

export type ImportStatus = 'running' | 'completed' | 'rejected' | 'failed';

export type ImportSummary = ImportCounts & {
  importId: string;
  status: ImportStatus;
  mode: ImportMode;
  source: string;
  /** All errors found (the list below is capped). */
  errorCount: number;
  errors: RowError[];
  message?: string;
  bytesRead?: number;
  durationMs: number;
};

/** At most this many errors are kept and returned; the count covers all. */
export const MAX_REPORTED_ERRORS = 100;

/** Longest reason and column name kept per error: a reason quotes the input, which may be megabytes long. */
export const MAX_REASON_CHARS = 200;
export const MAX_COLUMN_CHARS = 100;

/** Cuts text to `max` characters, saying so (never splits a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const mark = `… (${text.length} characters)`;
  let end = Math.max(0, max - mark.length);
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end) + mark;
}

/** An input value quoted in an error message: at most 60 characters of it. */
export function echo(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value, 60));
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value; // too deep or circular: name the kind only
  }
  return clip(text, 60);
}

/** "the first 100 of 120 errors are listed", or nothing when all are. */
export function unlistedErrorsNote(listed: number, total: number): string {
  return total > listed ? `; the first ${listed} of ${total} errors are listed` : '';
}
