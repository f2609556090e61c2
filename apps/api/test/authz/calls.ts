import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { noForeignIds, everyone, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * Calls list and detail (issue 2). "Own" = a call of agent a1 (team a, client a, program a) of tenant a;
 * "foreign" = the same call in tenant b. Readers of a1's calls: admin, QA, the lead of team a, a1 itself,
 * the auditor of client a, the token of program a. Everyone else gets the same 404 as for a missing call.
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
/** The last call of a1 (the first one is used by other areas' entries). */
const callOf = (w: World, t: Target) =>
  side(w, t)
    .calls.filter((c) => c.agentId === side(w, t).agents.a1.id)
    .at(-1)!;

const NF = { own: 404, foreign: 404 };
const readers = (own: number) => {
  const ok = { own, foreign: 404 };
  return only({
    admin: ok,
    qa_analyst: ok,
    team_lead: ok,
    agent: ok,
    client_auditor: ok,
    integration: ok,
    mystery_shopper: NF,
    survey_caller: NF
  });
};
const foreignCallIds = (w: World) => w.b.calls.map((c) => c.id);

export const callsExpectations: Expectations = {
  'GET /api/calls': {
    request: () => ({ path: '/api/calls?limit=200' }),
    expect: everyone(200),
    check: noForeignIds((b) => b.items, foreignCallIds)
  },
  'GET /api/calls/filters': {
    request: () => ({ path: '/api/calls/filters' }),
    expect: everyone(200),
    // Never tenant b; and for the scoped callers nothing of side b of their own tenant either: the agent a1 and
    // the auditor of client a only work with client a (issue 10: agents saw every client); the lead of team a
    // knows the contact center's clients and programs (staff) but not team b or its agents.
    check: (body: any, w, _t, caller) => {
      const scoped = caller === 'agent' || caller === 'client_auditor' || caller === 'integration';
      const alsoOwnB = <T>(x: T[]) => (scoped ? x : []);
      const otherTeam = <T>(x: T[]) => (scoped || caller === 'team_lead' ? x : []);
      const lists: [string, { id: number }[], { id: number }[]][] = [
        ['client', body.clients, [...Object.values(w.b.clients), ...alsoOwnB([w.a.clients.b])]],
        ['program', body.programs, [...Object.values(w.b.programs), ...alsoOwnB([w.a.programs.b])]],
        ['queue', body.queues, [...Object.values(w.b.queues), ...alsoOwnB([w.a.queues.b])]],
        ['team', body.teams, [...Object.values(w.b.teams), ...otherTeam([w.a.teams.b])]],
        [
          'agent',
          body.agents,
          [...Object.values(w.b.agents), ...otherTeam([w.a.agents.b1, w.a.agents.b2]), ...(caller === 'agent' ? [w.a.agents.a2] : [])]
        ]
      ];
      if (caller === 'agent' && body.programs.length === 0) throw new Error('the agent is offered none of the programs of its own calls');
      for (const [what, offered, foreign] of lists) {
        const ids = new Set(foreign.map((x) => x.id));
        for (const x of offered) if (ids.has(x.id)) throw new Error(`leak: foreign ${what} ${x.id} offered as a filter`);
      }
    }
  },
  'GET /api/calls/{id}': {
    request: (w, t) => ({ path: `/api/calls/${callOf(w, t).id}` }),
    expect: readers(200)
  },
  'GET /api/calls/{id}/recording': {
    // The stored path escapes the recordings directory: a reader reaches the path check (403, the file is
    // never opened); anyone who may not read the call gets the 404 of a missing call first.
    request: async (w, t) => {
      await w.db
        .update(schema.calls)
        .set({ recordingPath: '../matrix-outside.ogg' })
        .where(eq(schema.calls.id, callOf(w, t).id));
      return { path: `/api/calls/${callOf(w, t).id}/recording` };
    },
    expect: readers(403)
  }
};
