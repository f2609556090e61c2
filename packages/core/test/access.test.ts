import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import {
  DomainError,
  SIGN_IN_LIMITS,
  assignRole,
  canAdminister,
  createApiToken,
  findInTenant,
  lockedUntil,
  principalForApiToken,
  programVisibility,
  recordFailedSignIn,
  revokeApiToken,
  systemPrincipal,
  verifyAuditChain,
  type Principal
} from '../src/index.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
let other: FixtureOrg;
beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db);
  other = await createFixtureOrg(t.db);
});
afterAll(() => t.cleanup());

const user = (grants: Principal['grants'], tenantId = org.tenantId): Principal => ({
  kind: 'user',
  tenantId,
  label: 'user:test',
  userId: 'u1',
  personId: 1,
  grants
});

describe('policy (pure)', () => {
  it('only admins administer, and never through a token', () => {
    expect(canAdminister(user([{ role: 'admin' }]))).toBe(true);
    expect(canAdminister(user([{ role: 'qa_analyst' }, { role: 'team_lead', teamId: 1 }]))).toBe(false);
    expect(canAdminister({ kind: 'token', tenantId: 1, label: 'token:1', grants: [{ role: 'admin' }] })).toBe(false);
  });
  it('shows a client auditor only its client, an agent nothing, staff everything', () => {
    expect(programVisibility(user([{ role: 'client_auditor', clientId: 7 }]))).toEqual({ all: false, clientIds: [7], programIds: [] });
    expect(programVisibility(user([{ role: 'agent' }]))).toEqual({ all: false, clientIds: [], programIds: [] });
    expect(programVisibility(user([{ role: 'team_lead', teamId: 3 }]))).toEqual({ all: true });
    expect(programVisibility({ kind: 'token', tenantId: 1, label: 't', grants: [{ role: 'integration', programId: 4 }] })).toEqual({
      all: false,
      clientIds: [],
      programIds: [4]
    });
  });
});

describe('tenant-scoped loading', () => {
  it('reports a foreign id exactly like a missing one', async () => {
    const foreign = await findInTenant(t.db, schema.teams, org.tenantId, other.teams.a.id, 'Team').catch((e: DomainError) => e);
    const missing = await findInTenant(t.db, schema.teams, org.tenantId, 424242, 'Team').catch((e: DomainError) => e);
    expect(foreign).toBeInstanceOf(DomainError);
    expect((foreign as DomainError).code).toBe('NOT_FOUND');
    expect((missing as DomainError).code).toBe('NOT_FOUND');
    expect((foreign as DomainError).message.replace(String(other.teams.a.id), 'X')).toBe(
      (missing as DomainError).message.replace('424242', 'X')
    );
    expect((await findInTenant(t.db, schema.teams, org.tenantId, org.teams.a.id, 'Team')).code).toBe('T1');
  });
});

describe('roles', () => {
  const admin = () => ({ db: t.db, principal: systemPrincipal(org.tenantId, 'test') });
  it('needs the scope each role takes, within the tenant', async () => {
    await expect(assignRole({ ctx: admin(), input: { personId: org.agents.a1.id, role: 'team_lead' } })).rejects.toMatchObject({
      code: 'VALIDATION'
    });
    await expect(
      assignRole({ ctx: admin(), input: { personId: org.agents.a1.id, role: 'team_lead', teamId: other.teams.a.id } })
    ).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(assignRole({ ctx: admin(), input: { personId: other.agents.a1.id, role: 'agent' } })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(assignRole({ ctx: admin(), input: { personId: org.agents.a1.id, role: 'superuser' } })).rejects.toMatchObject({
      code: 'VALIDATION'
    });
    const ok = await assignRole({ ctx: admin(), input: { personId: org.agents.a1.id, role: 'team_lead', teamId: org.teams.b.id } });
    expect(ok).toMatchObject({ role: 'team_lead', teamId: org.teams.b.id });
    await expect(
      assignRole({ ctx: admin(), input: { personId: org.agents.a1.id, role: 'team_lead', teamId: org.teams.b.id } })
    ).rejects.toMatchObject({
      code: 'CONFLICT'
    });
    await expect(
      assignRole({ ctx: { db: t.db, principal: user([{ role: 'qa_analyst' }]) }, input: { personId: org.agents.a1.id, role: 'agent' } })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('API tokens', () => {
  it('resolve to an integration principal until revoked', async () => {
    const ctx = { db: t.db, principal: systemPrincipal(org.tenantId, 'test') };
    const { token, id } = await createApiToken({ ctx, input: { name: 'x', programId: org.programs.a.id } });
    expect(await principalForApiToken(t.db, token)).toMatchObject({
      kind: 'token',
      tenantId: org.tenantId,
      grants: [{ role: 'integration', programId: org.programs.a.id }]
    });
    expect(await principalForApiToken(t.db, `${token}x`)).toBeNull();
    await revokeApiToken({ ctx, input: { tokenId: id } });
    expect(await principalForApiToken(t.db, token)).toBeNull();
    await expect(
      revokeApiToken({ ctx: { db: t.db, principal: systemPrincipal(other.tenantId, 'test') }, input: { tokenId: id } })
    ).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
  });
});

describe('failed sign-ins', () => {
  it('lock the address after the limit and are audited on an intact chain', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    for (let i = 1; i <= SIGN_IN_LIMITS.MAX_FAILURES; i++) {
      const r = await recordFailedSignIn(t.db, { email: 'Someone@Example.test', reason: 'bad_credentials' }, now);
      expect(r.locked).toBe(i === SIGN_IN_LIMITS.MAX_FAILURES);
    }
    expect(await lockedUntil(t.db, 'someone@example.test', now)).toEqual(new Date(now.getTime() + SIGN_IN_LIMITS.LOCK_MS));
    expect(await lockedUntil(t.db, 'someone@example.test', new Date(now.getTime() + SIGN_IN_LIMITS.LOCK_MS + 1))).toBeNull();
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
