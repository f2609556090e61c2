import { createApp, loadEnv, openDatabase, type ApiApp } from '@attentive/api';
import { startJobs } from '@attentive/api/jobs';

/**
 * The API app this server process mounts under /api. Built once, lazily, from the validated
 * environment, so `event.fetch('/api/…')` in loads reaches it without a network hop.
 */
let app: Promise<ApiApp> | undefined;

export function apiApp(): Promise<ApiApp> {
  app ??= (async () => {
    const env = loadEnv();
    const db = await openDatabase(env);
    // Start-up jobs (off under NODE_ENV=test): interrupted imports marked, a sampling period missed while down drawn — before serving.
    await startJobs({ db, env })?.ready;
    return createApp({ db, env });
  })();
  return app;
}
