/** The month `k` months before the current one (YYYY-MM) on the demo contact center's clock (Amsterdam). */
export function monthsBack(k: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const t = y * 12 + (m - 1) - k;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** Last month (YYYY-MM): the demo's last full month of calls, evaluations and mystery calls. */
export const lastMonth = () => monthsBack(1);
