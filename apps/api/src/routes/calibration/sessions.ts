import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

// Calibration — the sessions slice (issue 15). The slice's helper fills this in (see docs/calibration.md).

export function calibrationSessionRoutes(_deps: AppDeps) {
  return newRouter();
}
