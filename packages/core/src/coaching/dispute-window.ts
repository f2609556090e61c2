const DAY_MS = 86_400_000;

/** When the agent's dispute window on an evaluation closes: `days` after it was first submitted. */
export function disputeWindow(submittedAt: Date | null, days: number, now: Date) {
  if (!submittedAt) return { days, closesAt: null as string | null, open: false };
  const closes = new Date(submittedAt.getTime() + days * DAY_MS);
  return { days, closesAt: closes.toISOString(), open: now.getTime() < closes.getTime() };
}
