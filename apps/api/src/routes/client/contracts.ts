import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Contract terms of a program: versions with targets and bonus/malus rules; admins write, the client's auditors read (H1). */
export function contractRoutes(_deps: AppDeps) {
  return newRouter();
}
