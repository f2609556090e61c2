import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Callback surveys: single-use survey links, e-mail invitations and the public survey page (H4). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 14
export function surveyLinkRoutes(deps: AppDeps) {
  return newRouter();
}
