import { hc } from 'hono/client';
import type { ApiApp } from './app.ts';

/**
 * The typed RPC client of the whole API. `pnpm --filter @attentive/api build:types` (run by the web's
 * `check`, incremental) spells the app's route types out into dist/types, and the package's `types`
 * exports point there: the web's type-check reads finished types instead of re-inferring every route
 * (Hono docs, RPC: "Compile your code before using it"). Vite and tsx still run the sources.
 */
export type Client = ReturnType<typeof hc<ApiApp>>;

export const hcWithType = (...args: Parameters<typeof hc>): Client => hc<ApiApp>(...args);
