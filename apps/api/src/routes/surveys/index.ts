import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { surveyTemplateRoutes } from './templates.ts';
import { callbackListRoutes } from './lists.ts';
import { callerQueueRoutes } from './queue.ts';
import { surveyLinkRoutes } from './links.ts';
import { surveyResultRoutes } from './results.ts';

/**
 * Callback surveys (docs/callback-surveys.md): templates, callback plans and their daily draws, the survey
 * caller's queue, single-use links with the public survey page, results and low-score alerts. Mounted
 * together (mountAll) so every operation's RPC type survives.
 */
export function surveyRoutes(deps: AppDeps) {
  return mountAll(deps, surveyTemplateRoutes, callbackListRoutes, callerQueueRoutes, surveyLinkRoutes, surveyResultRoutes);
}
