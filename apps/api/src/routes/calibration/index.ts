import type { AppDeps } from '../../context.ts';
import { mountAll } from '../../router.ts';
import { calibrationSessionRoutes } from './sessions.ts';
import { calibrationScoringRoutes } from './scoring.ts';
import { calibrationResultRoutes } from './results.ts';

/**
 * Calibration (docs/calibration.md): sessions (make, list, read, reveal), blind scoring of a session's calls,
 * and the results (answers side by side, agreed answers, agreement statistics, each evaluator's deviation and
 * drift). Mounted together (mountAll) so every operation's RPC type survives.
 */
export function calibrationRoutes(deps: AppDeps) {
  return mountAll(deps, calibrationSessionRoutes, calibrationScoringRoutes, calibrationResultRoutes);
}
