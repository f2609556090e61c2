import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { adminOnly, noForeignIds, everyone, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';

/** Accounts, roles, tenancy (issue 3): who am I, admin screens' API, API tokens. */

const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);

async function freshPerson(w: World, t: Target) {
  const [p] = await w.db
    .insert(schema.people)
    .values({ tenantId: side(w, t).tenantId, code: w.uniq(), name: 'Matrix person' })
    .returning();
  return p!;
}

export const accountsExpectations: Expectations = {
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: { ...everyone(200), anonymous: 200 } },
  'GET /api/me': { request: () => ({ path: '/api/me' }), expect: everyone(200) },
  'GET /api/me/programs': {
    request: () => ({ path: '/api/me/programs' }),
    expect: everyone(200),
    check: (body: any, w, _t, caller) => {
      const ids: number[] = body.items.map((p: { id: number }) => p.id);
      if (ids.includes(w.b.programs.a.id) || ids.includes(w.b.programs.b.id)) throw new Error('leak: program of tenant b');
      if ((caller === 'client_auditor' || caller === 'integration') && ids.includes(w.a.programs.b.id))
        throw new Error(`leak: ${caller} sees another client's program`);
      if (caller === 'agent' && ids.length) throw new Error('an agent lists no programs');
    }
  },

  'GET /api/admin/teams': {
    request: () => ({ path: '/api/admin/teams' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [w.b.teams.a.id, w.b.teams.b.id]
    )
  },
  'POST /api/admin/teams': {
    request: (w) => ({ path: '/api/admin/teams', body: { code: w.uniq(), name: 'Matrix team' } }),
    expect: only({ admin: 201 })
  },
  'PATCH /api/admin/teams/{id}': {
    request: (w, t) => ({ path: `/api/admin/teams/${side(w, t).teams.b.id}`, body: { name: 'Renamed' } }),
    expect: adminOnly(200)
  },
  'GET /api/admin/clients': {
    request: () => ({ path: '/api/admin/clients' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [w.b.clients.a.id, w.b.clients.b.id]
    )
  },
  'POST /api/admin/clients': {
    request: (w) => ({ path: '/api/admin/clients', body: { code: w.uniq(), name: 'Matrix client' } }),
    expect: only({ admin: 201 })
  },
  'PATCH /api/admin/clients/{id}': {
    request: (w, t) => ({ path: `/api/admin/clients/${side(w, t).clients.b.id}`, body: { name: 'Renamed' } }),
    expect: adminOnly(200)
  },
  'GET /api/admin/programs': {
    request: () => ({ path: '/api/admin/programs' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [w.b.programs.a.id, w.b.programs.b.id]
    )
  },
  'POST /api/admin/programs': {
    // foreign: a client of tenant b → 404 for the admin
    request: (w, t) => ({
      path: '/api/admin/programs',
      body: { code: w.uniq(), name: 'Matrix program', clientId: side(w, t).clients.b.id }
    }),
    expect: adminOnly(201)
  },
  'PATCH /api/admin/programs/{id}': {
    request: (w, t) => ({ path: `/api/admin/programs/${side(w, t).programs.b.id}`, body: { name: 'Renamed' } }),
    expect: adminOnly(200)
  },

  'GET /api/admin/people': {
    request: () => ({ path: '/api/admin/people?limit=500' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => Object.values(w.b.agents).map((p) => p.id)
    )
  },
  'POST /api/admin/people': {
    request: (w, t) => ({ path: '/api/admin/people', body: { code: w.uniq(), name: 'New person', teamId: side(w, t).teams.a.id } }),
    expect: adminOnly(201)
  },
  'GET /api/admin/people/{id}': {
    request: (w, t) => ({ path: `/api/admin/people/${side(w, t).agents.b2.id}` }),
    expect: only({ admin: { own: 200, foreign: 404 }, qa_analyst: { own: 200, foreign: 404 } })
  },
  'PATCH /api/admin/people/{id}': {
    request: (w, t) => ({ path: `/api/admin/people/${side(w, t).agents.b2.id}`, body: { name: 'Renamed agent' } }),
    expect: adminOnly(200)
  },
  'POST /api/admin/people/{id}/roles': {
    request: async (w, t) => ({ path: `/api/admin/people/${(await freshPerson(w, t)).id}/roles`, body: { role: 'qa_analyst' } }),
    expect: adminOnly(201)
  },
  'DELETE /api/admin/role-assignments/{id}': {
    request: async (w, t) => {
      const p = await freshPerson(w, t);
      const [ra] = await w.db
        .insert(schema.roleAssignments)
        .values({ tenantId: p.tenantId, personId: p.id, role: 'qa_analyst' })
        .returning();
      return { path: `/api/admin/role-assignments/${ra!.id}` };
    },
    expect: adminOnly(200)
  },
  'POST /api/admin/people/{id}/account': {
    request: async (w, t) => {
      const code = w.uniq();
      return {
        path: `/api/admin/people/${(await freshPerson(w, t)).id}/account`,
        body: { email: `${code.toLowerCase()}@matrix.invalid`, password: 'a long enough password' }
      };
    },
    expect: adminOnly(201)
  },
  'POST /api/admin/people/{id}/password': {
    request: async (w, t) => {
      const code = w.uniq();
      const p = await freshPerson(w, t);
      // give it an account directly, so the cell tests the reset only
      const { insertSignInUser } = await import('@attentive/db/accounts');
      const userId = await insertSignInUser(w.db, { email: `${code.toLowerCase()}@matrix.invalid`, name: p.name, passwordHash: 'x' });
      await w.db.update(schema.people).set({ userId }).where(eq(schema.people.id, p.id));
      return { path: `/api/admin/people/${p.id}/password`, body: { password: 'another long password' } };
    },
    expect: adminOnly(200)
  },

  'GET /api/admin/api-tokens': { request: () => ({ path: '/api/admin/api-tokens' }), expect: only({ admin: 200 }) },
  'POST /api/admin/api-tokens': {
    request: (w, t) => ({ path: '/api/admin/api-tokens', body: { name: 'matrix', programId: side(w, t).programs.a.id } }),
    expect: adminOnly(201)
  },
  'POST /api/admin/api-tokens/{id}/revoke': {
    request: async (w, t) => {
      const [row] = await w.db
        .insert(schema.apiTokens)
        .values({
          tenantId: side(w, t).tenantId,
          name: 'to revoke',
          prefix: 'att_x',
          tokenHash: `h-${w.uniq()}-${Math.random()}`,
          programId: side(w, t).programs.a.id
        })
        .returning();
      return { path: `/api/admin/api-tokens/${row!.id}/revoke` };
    },
    expect: adminOnly(200)
  }
};
