import type { Db } from '@attentive/db';
import { startScheduler, type SamplingScheduler } from '@attentive/core';
import type { Env } from './env.ts';

/**
 * Background jobs of a server process: the sampling scheduler (draws each plan's period once it has
 * closed, and catches up a missed one at start-up). Not started under NODE_ENV=test, so unit and API
 * tests never draw behind their back; tests call core's runDuePlans directly.
 */
export function startJobs({ db, env }: { db: Db; env: Pick<Env, 'NODE_ENV' | 'LOG_LEVEL'> }): { sampling: SamplingScheduler } | null {
  if (env.NODE_ENV === 'test') return null;
  const quiet = env.LOG_LEVEL === 'silent';
  const sampling = startScheduler({
    db,
    log: (level, message) => {
      if (quiet || (level === 'info' && (env.LOG_LEVEL === 'warn' || env.LOG_LEVEL === 'error'))) return;
      (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(message);
    }
  });
  return { sampling };
}
