import type { ContractTermsVersion } from '@attentive/shared/contract-terms';

/**
 * The "new terms" form as the API wants it. The person types money in the currency (500.00) and percentages as
 * percent (1.5); the API stores whole cents and basis points. A value that is not a whole number of cents or
 * basis points is sent as it is, so the API's 400 names the field (nothing is rounded away silently).
 */
export type TargetRow = {
  metric: string;
  target: string;
  step: string;
  maxSteps: string;
  kind: 'amount' | 'percent';
  bonus: string;
  malus: string;
};
export type TermsFormValues = {
  validFrom: string;
  validTo: string;
  fee: string;
  currency: string;
  note: string;
  endOpenVersion: boolean;
  rows: TargetRow[];
};

export const blankRow = (): TargetRow => ({ metric: '', target: '', step: '1', maxSteps: '1', kind: 'amount', bonus: '0', malus: '0' });

/** A typed number (a comma as decimal mark too); blank or not a number: null, which the API refuses by name. */
const num = (s: string): number | null => {
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};
/** ×100 as a whole number when it is one (to a float's noise), else as it is. */
const hundredfold = (s: string): number | null => {
  const n = num(s);
  if (n == null) return null;
  const x = n * 100;
  return Math.abs(x - Math.round(x)) < 1e-6 ? Math.round(x) : x;
};

export function readTermsForm(f: FormData) {
  const all = (k: string) => f.getAll(k).map(String);
  const metrics = all('metric');
  const rows: TargetRow[] = metrics.map((metric, i) => ({
    metric,
    target: all('target')[i] ?? '',
    step: all('step')[i] ?? '',
    maxSteps: all('maxSteps')[i] ?? '',
    kind: all('kind')[i] === 'percent' ? 'percent' : 'amount',
    bonus: all('bonus')[i] ?? '',
    malus: all('malus')[i] ?? ''
  }));
  const values: TermsFormValues = {
    validFrom: String(f.get('validFrom') ?? '').trim(),
    validTo: String(f.get('validTo') ?? '').trim(),
    fee: String(f.get('fee') ?? '').trim(),
    currency: String(f.get('currency') ?? '').trim() || 'EUR',
    note: String(f.get('note') ?? ''),
    endOpenVersion: f.get('endOpenVersion') === 'on',
    rows
  };
  // Rows left at "no target" are skipped; `rowOf[i]` is the form row of the API's targets.i (its errors go there).
  const rowOf = rows.flatMap((r, i) => (r.metric ? [i] : []));
  const json = {
    validFrom: values.validFrom,
    validTo: values.validTo || null,
    monthlyFeeCents: hundredfold(values.fee) as number,
    currency: values.currency,
    note: values.note,
    endOpenVersion: values.endOpenVersion,
    targets: rowOf.map((i) => {
      const r = rows[i]!;
      return {
        metric: r.metric,
        target: num(r.target) as number,
        step: num(r.step) as number,
        maxSteps: num(r.maxSteps) as number,
        money: { kind: r.kind, bonusPerStep: hundredfold(r.bonus) as number, malusPerStep: hundredfold(r.malus) as number }
      };
    })
  };
  return { values, json, rowOf };
}

/** The form's rows to start from: the newest version's targets (an amendment usually changes a few figures). */
export function rowsFrom(v: ContractTermsVersion | undefined): TargetRow[] {
  if (!v) return [blankRow()];
  return v.targets.map((t) => ({
    metric: t.metric,
    target: String(t.target),
    step: String(t.step),
    maxSteps: String(t.maxSteps),
    kind: t.money.kind,
    bonus: String(t.money.bonusPerStep / 100),
    malus: String(t.money.malusPerStep / 100)
  }));
}
