import { hc } from 'hono/client';
import type { ApiApp } from './app.ts';

/**
 * The typed RPC client of the whole API. `Client` is spelled out by tsc into dist/client.d.ts
 * (`pnpm --filter @attentive/api build:client`), so the web's type-check reads a finished type
 * instead of re-inferring every route (Hono docs, RPC: "Compile your code before using it").
 */
export type Client = ReturnType<typeof hc<ApiApp>>;

export const hcWithType = (...args: Parameters<typeof hc>): Client => hc<ApiApp>(...args);

/** The score result as core computes it, for responses the document still declares loosely (see `Precise` in the web). */
export type { ScoreResult } from '@attentive/core';
