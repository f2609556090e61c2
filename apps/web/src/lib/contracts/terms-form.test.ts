import { describe, expect, it } from 'vitest';
import { readTermsForm } from './terms-form';

/** The form as typed → the API's JSON: money in cents and basis points, blank rows skipped, rows mapped back. */
function formOf(fields: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of fields) f.append(k, v);
  return f;
}
const row = (metric: string, target: string, kind: string, bonus: string, malus: string): [string, string][] => [
  ['metric', metric],
  ['target', target],
  ['step', '2'],
  ['maxSteps', '3'],
  ['kind', kind],
  ['bonus', bonus],
  ['malus', malus]
];

describe('readTermsForm', () => {
  it('turns a fee and amounts into whole cents, percentages into basis points, and skips rows without a metric', () => {
    const { json, rowOf } = readTermsForm(
      formOf([
        ['validFrom', '2026-03'],
        ['validTo', ''],
        ['fee', '45000,10'],
        ['currency', 'EUR'],
        ['note', 'Clause 7'],
        ['endOpenVersion', 'on'],
        ...row('qa_score', '80', 'percent', '1', '1.5'),
        ...row('', '', 'amount', '', ''),
        ...row('fcr', '75.5', 'amount', '500.00', '0.29')
      ])
    );
    expect(json).toMatchObject({ validFrom: '2026-03', validTo: null, monthlyFeeCents: 4_500_010, endOpenVersion: true });
    expect(json.targets).toEqual([
      { metric: 'qa_score', target: 80, step: 2, maxSteps: 3, money: { kind: 'percent', bonusPerStep: 100, malusPerStep: 150 } },
      { metric: 'fcr', target: 75.5, step: 2, maxSteps: 3, money: { kind: 'amount', bonusPerStep: 50_000, malusPerStep: 29 } }
    ]);
    // The API's targets.1 is the form's third row.
    expect(rowOf).toEqual([0, 2]);
  });

  it('sends a fraction of a cent as it is (the API names the field) and a blank number as null', () => {
    const { json } = readTermsForm(formOf([['validFrom', '2026-03'], ['fee', '10.005'], ...row('qa_score', '', 'amount', '1.001', '')]));
    expect(json.monthlyFeeCents).toBeCloseTo(1000.5, 6);
    expect(Number.isInteger(json.monthlyFeeCents)).toBe(false);
    expect(json.targets[0]!.target).toBeNull();
    expect(json.targets[0]!.money.malusPerStep).toBeNull();
    expect(json.endOpenVersion).toBe(false);
  });
});
