import type { ApiError } from '$lib/api';
import type { ImportMode, ImportRun } from './types';

const POLL_MS = 500;

/**
 * One CSV upload from the browser straight to POST /api/calls/import: the File is the fetch body, so
 * the browser streams it from disk and a large file never passes through a SvelteKit action. The
 * import id is chosen here, so GET /api/imports/{id} can be polled for progress while it uploads.
 */
export class CsvUpload {
  phase = $state<'idle' | 'uploading' | 'done'>('idle');
  progress = $state<ImportRun | null>(null);
  result = $state<ImportRun | null>(null);
  error = $state<string | null>(null);
  fileSize = $state(0);

  /** Share of the file the server has read (rows are written as they are read). */
  percent = $derived(this.fileSize && this.progress?.bytesRead ? Math.min(100, Math.round((100 * this.progress.bytesRead) / this.fileSize)) : 0);

  async start(file: File, mode: ImportMode, source: string) {
    this.phase = 'uploading';
    this.error = null;
    this.result = null;
    this.progress = null;
    this.fileSize = file.size;
    const id = crypto.randomUUID();
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!polling) break;
        const res = await fetch(`/api/imports/${id}`, { headers: { accept: 'application/json' } }).catch(() => null);
        if (res?.ok && polling) this.progress = (await res.json()) as ImportRun;
      }
    };
    const poller = poll();
    try {
      const q = `mode=${encodeURIComponent(mode)}&source=${encodeURIComponent(source)}&importId=${id}`;
      const res = await fetch(`/api/calls/import?${q}`, { method: 'POST', headers: { 'content-type': 'text/csv', accept: 'application/json' }, body: file });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as ApiError | null;
        this.error = body?.error?.message ?? `The import failed (${res.status})`;
      }
    } catch (e) {
      this.error = `The upload broke off: ${(e as Error).message}`;
    } finally {
      polling = false;
      await poller;
    }
    // The import run has the final counts and errors, whatever the answer was.
    const final = await fetch(`/api/imports/${id}`, { headers: { accept: 'application/json' } }).catch(() => null);
    if (final?.ok) this.result = (await final.json()) as ImportRun;
    this.phase = 'done';
  }
}
