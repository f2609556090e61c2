import { DomainError } from '../src/errors.ts';
import type { Principal } from '../src/policy/principal.ts';

/** How a verb call ended: `ok`, or the code of the DomainError it was refused with (any other error is thrown on). */
export async function outcomeOf(call: Promise<unknown>, ok = 'ok') {
  try {
    await call;
    return ok;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

/** A signed-in user of the tenant with these grants, acting as person `personId` when given. */
export const userPrincipal = (tenantId: number, grants: Principal['grants'], personId?: number): Principal => ({
  kind: 'user',
  tenantId,
  label: `user:test-${personId ?? 'x'}`,
  personId,
  grants
});
