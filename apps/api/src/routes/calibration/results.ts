import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

// Calibration — the results slice (issue 15). The slice's helper fills this in (see docs/calibration.md).

export function calibrationResultRoutes(_deps: AppDeps) {
  return newRouter();
}
