import { ROLES } from '@attentive/shared';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { Db } from '@attentive/db';
import type { Grant } from '@attentive/core';
import { signInAs, tokenHeaders } from '../support/auth.ts';

/** Every kind of caller the matrix tries: each role of a person, an API token, and nobody. */
export const CALLERS = ['anonymous', ...ROLES] as const;
export type Caller = (typeof CALLERS)[number];
export type Target = 'own' | 'foreign';

type RequestableApp = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/**
 * Two tenants built by createFixtureOrg. Every caller belongs to tenant `a`, scoped to its side `a`:
 * the team lead leads teams.a, the client auditor audits clients.a, the agent is agents.a1,
 * the integration token is for programs.a. "Own" resources are those in scope; "foreign" ones are
 * out of scope — of tenant `b`, or (where the entry says so) of the other team/client/agent of `a`.
 */
export type World = {
  app: RequestableApp;
  db: Db;
  a: FixtureOrg;
  b: FixtureOrg;
  headers: Record<Caller, Record<string, string>>;
  personId: Partial<Record<Caller, number>>;
  /** A fresh short unique string (codes, names) for writes. */
  uniq: () => string;
};

export async function buildWorld(app: RequestableApp, db: Db): Promise<World> {
  const a = await createFixtureOrg(db);
  const b = await createFixtureOrg(db);
  const grants: Record<Exclude<Caller, 'anonymous' | 'integration'>, { grants: Grant[]; personId?: number }> = {
    admin: { grants: [{ role: 'admin' }] },
    qa_analyst: { grants: [{ role: 'qa_analyst' }] },
    team_lead: { grants: [{ role: 'team_lead', teamId: a.teams.a.id }] },
    agent: { grants: [{ role: 'agent' }], personId: a.agents.a1.id },
    client_auditor: { grants: [{ role: 'client_auditor', clientId: a.clients.a.id }] },
    mystery_shopper: { grants: [{ role: 'mystery_shopper' }] },
    survey_caller: { grants: [{ role: 'survey_caller' }] }
  };
  const headers = { anonymous: {} } as World['headers'];
  const personId: World['personId'] = {};
  for (const [caller, g] of Object.entries(grants) as [keyof typeof grants, (typeof grants)[keyof typeof grants]][]) {
    const s = await signInAs(app, db, { tenantId: a.tenantId, grants: g.grants, personId: g.personId, name: `Matrix ${caller}` });
    headers[caller] = s.headers;
    personId[caller] = s.personId;
  }
  headers.integration = (await tokenHeaders(db, { tenantId: a.tenantId, programId: a.programs.a.id, name: 'matrix token' })).headers;
  let n = 0;
  return { app, db, a, b, headers, personId, uniq: () => `M${Date.now().toString(36).slice(-4)}${(++n).toString(36)}`.toUpperCase() };
}

const states = new WeakMap<World, Map<string, unknown>>();

/**
 * A module's state for one world (a shared run, the ids made in tenant b), made on first use. Keyed by the world,
 * not kept in a module variable: when test files share a worker's modules (vitest `isolate: false`), the next
 * file's world must not find the previous file's ids, which belong to another database.
 */
export function perWorld<T>(key: string, make: () => T): (w: World) => T {
  return (w) => {
    let state = states.get(w);
    if (!state) states.set(w, (state = new Map()));
    if (!state.has(key)) state.set(key, make());
    return state.get(key) as T;
  };
}
