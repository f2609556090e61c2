import { stringify } from 'csv-stringify/sync';
import type { ContractReport } from '@attentive/shared/contract-report';
import { contractReportCsvRows } from '@attentive/core/client-audit/report/contract-report-csv';

/**
 * The monthly contract report as CSV (a representation of GET /client/programs/{programId}/reports/{month}):
 * header lines, then one row per target with the same numbers as the screen and the PDF.
 */
export function contractReportCsv(r: ContractReport) {
  // Excel-safe: a byte-order mark so UTF-8 names open correctly, and cells that would start a formula quoted as text
  // (a negative decimal is a number, not a formula: only text cells are guarded).
  const csv = stringify(contractReportCsvRows(r), {
    bom: true,
    cast: { string: (v) => (/^[=+@]/.test(v) || (/^-/.test(v) && !/^-\d+(\.\d+)?$/.test(v)) ? `'${v}` : v) }
  });
  return { filename: `contract-report-${r.program.code}-${r.month}.csv`.replace(/[^\w.-]+/g, '_'), csv };
}
