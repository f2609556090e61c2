import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** Callback surveys: survey templates, versioned, in Dutch and English (H1). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in by issue 14
export function surveyTemplateRoutes(deps: AppDeps) {
  return newRouter();
}
