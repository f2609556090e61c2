/** The API's import run and summary, as the web app sees them (routes/calls-import.ts in apps/api). */
export type ImportRowError = { line?: number; index?: number; column: string; reason: string };

export type ImportRun = {
  id: string;
  status: 'running' | 'completed' | 'rejected' | 'failed';
  format: 'csv' | 'json';
  mode: 'all-or-nothing' | 'skip-invalid';
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  errorCount: number;
  errors: ImportRowError[];
  message: string | null;
  bytesRead: number | null;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
};

export type ImportMode = ImportRun['mode'];
