import type { Principal } from '../policy/principal.ts';

/** Who is recorded as author of an evaluation, revision or comment. */
export const authorOf = (p: Principal) => ({ id: p.personId ?? null, label: p.label });
