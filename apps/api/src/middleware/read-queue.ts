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
  /** Requests started in the current loop turn; reset on the next turn. */
  #startedThisTurn = 0;
  #turnEndScheduled = false;
  readonly #waiting: (() => void)[] = [];
  constructor(readonly slots: number) {}

  get waiting() {
    return this.#waiting.length;
  }

  /**
   * Resolves with a release function when a slot is free; always on a later loop turn when queued. At most
   * `slots` requests start per turn, also when each finishes before the next arrives: a request whose every step
   * is synchronous on the embedded driver (a cached or one-statement session, then its query) would otherwise
   * free its slot before the next is read, and a burst would be served entirely inside one turn.
   */
  acquire(): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.#busy--;
      setImmediate(() => this.#drain());
    };
    if (this.#waiting.length === 0 && this.#busy < this.slots && this.#startedThisTurn < this.slots) {
      this.#start();
      return Promise.resolve(release);
    }
    return new Promise((resolve) => this.#waiting.push(() => resolve(release)));
  }

  #start() {
    this.#busy++;
    this.#startedThisTurn++;
    if (!this.#turnEndScheduled) {
      this.#turnEndScheduled = true;
      setImmediate(() => {
        this.#turnEndScheduled = false;
        this.#startedThisTurn = 0;
        this.#drain();
      });
    }
  }

  /** Starts waiting requests, first come first served, while a slot is free and this turn has starts left. */
  #drain() {
    while (this.#waiting.length && this.#busy < this.slots && this.#startedThisTurn < this.slots) {
      this.#start();
      this.#waiting.shift()!();
    }
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
