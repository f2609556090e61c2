import { error } from '@sveltejs/kit';
import type { Capability } from '@attentive/shared';
import type { Me } from './session';
import { m } from '$lib/paraglide/messages';

/** Whether the signed-in person may use a capability (GET /api/me `can`, from core `capabilitiesOf`). */
export const can = (me: Pick<Me, 'can'> | null | undefined, capability: Capability): boolean => me?.can?.[capability] ?? false;

/**
 * Every page guard: a page the person may not use does not exist for it — 404 "Not found", the same on
 * every page (and what the API answers for what a principal may not see), in the page's language.
 */
export function requireCan(me: Pick<Me, 'can'> | null | undefined, capability: Capability): void {
  if (!can(me, capability)) error(404, m.error_NOT_FOUND());
}
