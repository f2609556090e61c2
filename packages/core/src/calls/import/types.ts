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
