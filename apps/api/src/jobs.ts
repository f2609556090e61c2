import { isFileUrl, type Db } from '@attentive/db';
import {
  startInterruptedImportSweep,
  startRetentionJob,
  startScheduler,
  sweepInterruptedImports,
  type SamplingScheduler
} from '@attentive/core';
import { startCallbackListJob } from '@attentive/core/surveys/lists/draw-due-lists';
import type { Env } from './env.ts';

/**
 * Background jobs of a server process: imports a stopped process left `running` are marked
 * interrupted — on an embedded file all of them at start-up (this process is its one writer), on a libSQL
 * server those whose heartbeat is older than IMPORT_STALE_SECONDS, at start-up and periodically (another
 * process may really be importing; core/calls/import/sweep-job.ts) — and the sampling scheduler draws
 * each plan's period once it has closed, catching up a missed one at start-up. `ready` settles when
 * both start-up steps are done; serve only after it. Not started under NODE_ENV=test, so unit and API
 * tests never draw behind their back; tests call core's runDuePlans directly.
 */
export function startJobs({
  db,
  env
}: {
  db: Db;
  env: Pick<Env, 'NODE_ENV' | 'LOG_LEVEL' | 'DATABASE_URL' | 'IMPORT_STALE_SECONDS'>;
}): { sampling: SamplingScheduler; ready: Promise<void> } | null {
  if (env.NODE_ENV === 'test') return null;
  const quiet = env.LOG_LEVEL === 'silent';
  const log = (level: 'info' | 'warn' | 'error', message: string) => {
    if (quiet || (level === 'info' && (env.LOG_LEVEL === 'warn' || env.LOG_LEVEL === 'error'))) return;
    (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(message);
  };
  const swept = isFileUrl(env.DATABASE_URL)
    ? sweepInterruptedImports(db).then((swept) => {
        for (const s of swept)
          log(
            'warn',
            `import ${s.id} was left running by a stopped server: marked interrupted, ${s.committedRows} rows committed before the stop`
          );
      })
    : startInterruptedImportSweep({ db, log, staleMs: env.IMPORT_STALE_SECONDS * 1000 }).ready;
  const sampling = startScheduler({ db, log });
  // Customer contact details past their retention period are erased (hourly; audited).
  const retention = startRetentionJob({ db, log });
  // Each active callback plan's list of the day is drawn from 06:00 in the tenant's zone (hourly check; once per day).
  const callbackLists = startCallbackListJob({ db, log });
  return { sampling, ready: Promise.all([swept, sampling.ready, retention.ready, callbackLists.ready]).then(() => undefined) };
}
