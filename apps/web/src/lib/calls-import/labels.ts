import { m } from '$lib/paraglide/messages';
import type { ImportRun } from './types';

/** The import screens' words for the API's codes (never a raw code on screen). */

export const importModeText = (mode: ImportRun['mode']) =>
  mode === 'all-or-nothing' ? m.import_mode_all_or_nothing() : m.import_mode_skip_invalid();

export function importStatusText(status: ImportRun['status']): string {
  if (status === 'completed') return m.import_status_completed();
  if (status === 'rejected') return m.import_status_rejected();
  if (status === 'failed') return m.import_status_failed();
  return m.import_status_running();
}
