import type { ErrorDetail } from '../../errors.ts';
import { CALL_RECORD_COLUMNS, REQUIRED_COLUMNS } from './row-schema.ts';
import { MAX_COLUMN_CHARS, MAX_REPORTED_ERRORS, clip, echo } from './types.ts';

/**
 * Reads the header line of a calls CSV: names are matched without regard to case or surrounding
 * spaces; an unknown, doubled or missing column refuses the file before any row is read (a typo in a
 * header would otherwise silently drop a whole column).
 */
export function readCsvHeader(cells: string[], hasDefaultSource: boolean): { columns: string[] } | { problems: ErrorDetail[] } {
  const columns = cells.map((c) => c.trim().toLowerCase());
  const problems: ErrorDetail[] = [];
  const known = new Set<string>(CALL_RECORD_COLUMNS);
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (!known.has(c))
      problems.push({
        line: 1,
        column: clip(cells[i]!, MAX_COLUMN_CHARS),
        message: `unknown column ${echo(cells[i])} (known columns: ${CALL_RECORD_COLUMNS.join(', ')})`
      });
    else if (seen.has(c)) problems.push({ line: 1, column: c, message: `column "${c}" appears twice` });
    seen.add(c);
  });
  for (const r of REQUIRED_COLUMNS) if (!seen.has(r)) problems.push({ line: 1, column: r, message: `required column "${r}" is missing` });
  if (!hasDefaultSource && !seen.has('source'))
    problems.push({ line: 1, column: 'source', message: 'no "source" column and no default source given' });
  return problems.length ? { problems: problems.slice(0, MAX_REPORTED_ERRORS) } : { columns };
}

/** Line breaks inside a record's quoted fields: the next record starts that many lines further on. */
export function embeddedLineBreaks(record: string[]): number {
  let n = 0;
  for (const f of record) {
    if (f.includes('\n') || f.includes('\r')) n += f.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}
