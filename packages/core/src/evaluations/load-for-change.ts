import type { DbOrTx } from '@attentive/db';
import { conflict, forbidden, notFound } from '../errors.ts';
import type { Principal } from '../policy/principal.ts';
import { canChangeEvaluation, canReadEvaluation } from '../policy/evaluations.ts';
import { loadEvaluationWithScope } from './scope.ts';
import { KIND_TRAITS } from './kinds.ts';
import { loadScorecardVersion } from './score.ts';

/**
 * Loads an evaluation someone wants to change, with its scorecard version. Unreadable → NOT_FOUND
 * (a foreign id tells nothing); readable but not changeable → FORBIDDEN.
 */
export async function loadForChange(tx: DbOrTx, p: Principal, evaluationId: number) {
  const { evaluation, scope } = await loadEvaluationWithScope(tx, p.tenantId, evaluationId);
  if (!canReadEvaluation(p, scope, evaluation)) throw notFound(`Evaluation ${evaluationId}`);
  if (KIND_TRAITS[evaluation.kind].ownVerbs)
    throw forbidden(`Evaluation ${evaluationId} is a ${evaluation.kind} score: change it in its ${evaluation.kind} session`);
  if (!canChangeEvaluation(p, scope, evaluation))
    throw forbidden(
      evaluation.status === 'draft' ? 'This draft belongs to another evaluator' : 'Only evaluators of this agent may change this evaluation'
    );
  const version = await loadScorecardVersion(tx, p.tenantId, evaluation.scorecardVersionId);
  return { evaluation, scope, definition: version.definition };
}

/**
 * A draft someone saves or submits: changeable by them (as loadForChange), still a draft (else CONFLICT
 * with `whenSubmitted`), and at the version their editor started from (else CONFLICT).
 */
export async function loadDraftForChange(
  tx: DbOrTx,
  p: Principal,
  draft: { evaluationId: number; version: number },
  whenSubmitted: string
) {
  const loaded = await loadForChange(tx, p, draft.evaluationId);
  if (loaded.evaluation.status !== 'draft') throw conflict(whenSubmitted);
  expectVersion(loaded.evaluation.version, draft.version, 'This draft');
  return loaded;
}

export function expectVersion(current: number, sent: number, what: string) {
  if (current !== sent)
    throw conflict(`${what} was changed by someone else (you edited ${sent}, it is now ${current}); reload to see the latest`);
}
