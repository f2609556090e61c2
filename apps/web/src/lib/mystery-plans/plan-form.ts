/**
 * The plan editor's form as the API wants it: numbers for counts and ids, the checked grid cells
 * ("5-17" = Friday 17:00) each with weight 1. The API checks every value and names the bad one.
 */
export function readPlanForm(f: FormData) {
  const num = (key: string) => Number(String(f.get(key) ?? '').trim() || NaN);
  const grid = f
    .getAll('cell')
    .map(String)
    .map((v) => v.split('-').map(Number) as [number, number])
    .map(([weekday, hour]) => ({ weekday, hour, weight: 1 }));
  return {
    programId: num('programId'),
    month: String(f.get('month') ?? '').trim(),
    calls: num('calls'),
    spread: String(f.get('spread') ?? 'volume') as 'volume' | 'grid',
    grid,
    targetAnswerSeconds: num('targetAnswerSeconds'),
    shopperIds: f.getAll('shopperId').map(Number)
  };
}
export type PlanFormValues = ReturnType<typeof readPlanForm>;

/** The month after `today` ("2026-12-02" → "2027-01"): what a plan is usually made for. */
export function nextMonth(today: string): string {
  const [y, mo] = today.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
