import type { ContractReport } from '@attentive/shared/contract-report';

/** Whole cents as a decimal string, exactly (no float on the way): -135000 → "-1350.00". */
export function centsDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const num = (x: number | null) => (x == null ? '' : String(Math.round(x * 100) / 100));

export const CONTRACT_REPORT_CSV_COLUMNS = [
  'metric',
  'unit',
  'target',
  'measured',
  'low',
  'high',
  'n',
  'verdict',
  'steps',
  'bonus_cents',
  'malus_cents',
  'bonus',
  'malus'
] as const;

/**
 * The report as CSV rows (pure; the API's downloads/contract-report-csv.ts writes them): a block of header
 * lines (program, client, month, terms version and period, fee, balance), an empty line, then one row per
 * target. Figures in the metric's unit rounded to two decimals (what the screen shows); money as integer
 * cents and as a decimal made from the cents exactly, so a spreadsheet never sees a float's rounding.
 */
export function contractReportCsvRows(r: ContractReport): string[][] {
  const t = r.terms;
  const head: string[][] = [
    ['program', r.program.code, r.program.name],
    ['client', r.client.code, r.client.name],
    ['month', r.month],
    ['terms_version', t ? String(t.version) : ''],
    ['terms_valid_from', t?.validFrom ?? ''],
    ['terms_valid_to', t?.validTo ?? ''],
    ['currency', t?.currency ?? ''],
    ['monthly_fee_cents', t ? String(t.monthlyFeeCents) : ''],
    ['balance_cents', String(r.balanceCents), centsDecimal(r.balanceCents)],
    ['confidence', String(r.methods.confidence)],
    []
  ];
  const rows = r.targets.map((x) => [
    x.metric,
    x.unit,
    num(x.target),
    num(x.measured.estimate),
    num(x.measured.low),
    num(x.measured.high),
    String(x.measured.n),
    x.verdict,
    String(x.steps),
    String(x.bonusCents),
    String(x.malusCents),
    centsDecimal(x.bonusCents),
    centsDecimal(x.malusCents)
  ]);
  return [...head, [...CONTRACT_REPORT_CSV_COLUMNS], ...rows];
}
