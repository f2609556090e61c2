import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

// Calibration — the scoring slice (issue 15). The slice's helper fills this in (see docs/calibration.md).

export function calibrationScoringRoutes(_deps: AppDeps) {
  return newRouter();
}
