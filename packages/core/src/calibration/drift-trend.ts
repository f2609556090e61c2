/**
 * The drift word of an evaluator across sessions (docs/calibration-results.md): the least-squares slope of its
 * per-session mean item deviation (points %, signed) against the session's place in time (0, 1, 2, … oldest →
 * newest). With fewer than DRIFT_MIN_SESSIONS sessions there is no trend (null). |slope| ≤ DRIFT_SLOPE_STEADY
 * points per session is "steady"; above it "up" (scoring ever higher than agreed) or "down". PURE.
 */
export const DRIFT_MIN_SESSIONS = 3;
export const DRIFT_SLOPE_STEADY = 2;

export function leastSquaresSlope(ys: readonly number[]): number | null {
  const n = ys.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - meanX) * (ys[i]! - meanY);
    sxx += (i - meanX) ** 2;
  }
  return sxy / sxx;
}

export function driftOf(ys: readonly number[]): { slope: number | null; drift: 'up' | 'down' | 'steady' | null } {
  if (ys.length < DRIFT_MIN_SESSIONS) return { slope: null, drift: null };
  const slope = leastSquaresSlope(ys)!;
  return { slope, drift: slope > DRIFT_SLOPE_STEADY ? 'up' : slope < -DRIFT_SLOPE_STEADY ? 'down' : 'steady' };
}
