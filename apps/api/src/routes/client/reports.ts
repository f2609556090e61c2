import type { AppDeps } from '../../context.ts';
import { newRouter } from '../../router.ts';

/** The monthly contract report: each target with value, interval, n and verdict, bonus and malus; JSON, CSV and PDF (H2). */
export function contractReportRoutes(_deps: AppDeps) {
  return newRouter();
}
