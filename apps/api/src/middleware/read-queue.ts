import type { MiddlewareHandler } from 'hono';
import { isEmbedded } from '@attentive/db';
import type { AppDeps, AppEnv } from '../context.ts';

/**
 * At most READ_SLOTS reading requests (GET, HEAD) at work at once; the others wait their turn in
 * arrival order, and each turn starts on a later turn of the event loop (setImmediate).
 *
 * Why: the embedded libSQL driver runs every query synchronously on the event loop. With 200 clients on
 * the calls list, every arrived request ran its next step in the same loop turn, so one turn held the
 * work of all of them (seconds): `/api/health` waited behind it, and the scheduling was so uneven that
 * some requests waited past 10 s. With a few at work and the rest queued, a turn holds at most a few
 * requests' work, new connections and the health probe are served between turns, and waiting is first
 * come, first served. Health is never queued. Only for an embedded file: against a libSQL server the
 * queries really wait on the network and may overlap freely.
 */
export const READ_SLOTS = 4;

export class TurnQueue {
  #busy = 0;
  readonly #waiting: (() => void)[] = [];
  constructor(readonly slots: number) {}

  get waiting() {
    return this.#waiting.length;
  }

  /** Resolves with a release function when a slot is free; always on a later loop turn when queued. */
  acquire(): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) setImmediate(next);
      else this.#busy--;
    };
    if (this.#busy < this.slots) {
      this.#busy++;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => this.#waiting.push(() => resolve(release)));
  }
}

export function readQueue(deps: AppDeps, slots = READ_SLOTS): MiddlewareHandler<AppEnv> {
  if (!isEmbedded(deps.db)) return (_c, next) => next(); // a libSQL server: no queue
  const queue = new TurnQueue(slots);
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path === '/api/health') return next();
    const release = await queue.acquire();
    try {
      await next();
    } finally {
      release();
    }
  };
}
