import type { LayoutServerLoad } from './$types';

/** `me` (name, roles, what it may do: `can`) for the navigation and every page; set by hooks.server.ts from GET /api/me. */
export const load: LayoutServerLoad = ({ locals }) => ({ me: locals.me });
