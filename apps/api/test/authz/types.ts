import { ROLES } from '@attentive/shared';
import type { Caller, Target, World } from './world.ts';

/** The request one cell sends. `path` is the concrete URL path (ids filled in). */
export type CellRequest = { path: string; body?: unknown; headers?: Record<string, string> };

/** Expected status: one number for both targets, or one per target. */
export type Status = number | { own: number; foreign: number };

export type Expectation = {
  /** Builds the request for a target (may create data with w.db). */
  request: (w: World, target: Target, caller: Caller) => CellRequest | Promise<CellRequest>;
  /** Expected status per caller. */
  expect: Record<Caller, Status>;
  /** Extra check on a successful answer, e.g. that a list holds nothing of tenant b. */
  check?: (body: unknown, w: World, target: Target, caller: Caller) => void;
};

export type Expectations = Record<string, Expectation>;

type Rest = Omit<Record<Caller, Status>, 'anonymous'>;

/** Everyone refused (403) except the callers listed; nobody signed in gets 401. */
export function only(allowed: Partial<Rest>, others = 403): Record<Caller, Status> {
  const all = { anonymous: 401 } as Record<Caller, Status>;
  for (const c of ROLES) all[c] = allowed[c] ?? others;
  return all;
}

/** Every signed-in caller gets `status`; nobody signed in gets 401. */
export const everyone = (status: Status) => only(Object.fromEntries(ROLES.map((r) => [r, status])));

/** Admin-only route on one resource: the admin gets `ok` on its own tenant's and 404 on a foreign one. */
export const adminOnly = (ok: number) => only({ admin: { own: ok, foreign: 404 } });

/** A list that must never contain anything of tenant b. */
export const noForeignIds = (pick: (body: any) => { id: number }[], foreignIds: (w: World) => number[]) => (body: unknown, w: World) => {
  const ids = new Set(pick(body).map((x) => x.id));
  for (const f of foreignIds(w)) if (ids.has(f)) throw new Error(`leak: foreign id ${f} listed`);
};
