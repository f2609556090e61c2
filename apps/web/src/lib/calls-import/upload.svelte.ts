import { apiClient } from '$lib/api/client';
import { readError } from '$lib/api/errors';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
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
  percent = $derived(
    this.fileSize && this.progress?.bytesRead ? Math.min(100, Math.round((100 * this.progress.bytesRead) / this.fileSize)) : 0
  );

  async start(file: File, mode: ImportMode, source: string) {
    this.phase = 'uploading';
    this.error = null;
    this.result = null;
    this.progress = null;
    this.fileSize = file.size;
    const id = crypto.randomUUID();
    const c = apiClient().api;
    const run = () => c.imports[':id'].$get({ param: { id } }).catch(() => null);
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!polling) break;
        const res = await run();
        if (res?.ok && polling) this.progress = await res.json();
      }
    };
    const poller = poll();
    try {
      const res = await c.calls.import.$post(
        { query: { mode, source, importId: id } },
        { headers: { 'content-type': 'text/csv' }, init: { body: file } }
      );
      if (!res.ok) this.error = apiErrorMessage(await readError(res as unknown as Response));
    } catch (e) {
      this.error = m.import_upload_broke_off({ reason: (e as Error).message });
    } finally {
      polling = false;
      await poller;
    }
    // The import run has the final counts and errors, whatever the answer was.
    const final = await run();
    if (final?.ok) this.result = await final.json();
    this.phase = 'done';
  }
}
