import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { callFilterRoute } from './filters.ts';
import { listCallsRoute } from './list.ts';
import { getCallRoute } from './get.ts';
import { callRecordingRoute } from './recording.ts';
import { peaksRoutes } from './peaks.ts';
import { importCsvRoute } from './import-csv.ts';
import { importBatchRoute } from './import-batch.ts';
import { callWebhookRoute } from './webhook.ts';
import { importTemplateRoute } from './import-template.ts';
import { importRunRoutes } from './imports.ts';

/**
 * Calls: the list and its filters, one call, its recording and waveform peaks; and the ways calls come in
 * (CSV upload, JSON batch, webhook) with their import runs. Mounted together (mountAll), so the RPC type of every operation survives.
 */
export function callRoutes(deps: AppDeps) {
  return mountAll(
    deps,
    callFilterRoute,
    listCallsRoute,
    getCallRoute,
    callRecordingRoute,
    peaksRoutes,
    importCsvRoute,
    importBatchRoute,
    callWebhookRoute,
    importTemplateRoute,
    importRunRoutes
  );
}
