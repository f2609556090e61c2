import type { CodeMaps } from './code-maps.ts';
import { resolveCodes, resolveRecord, type FieldError, type ResolvedCall } from './resolve-record.ts';
import { CallRecord } from './row-schema.ts';
import { fastCsvRecord } from './fast-csv-record.ts';
import { echo } from './types.ts';

/** Validates one record (CallRecord schema) and resolves its codes (dates against `now`, ms): a row of the calls table, or every problem found. */
export function validateRecord(
  raw: unknown,
  maps: CodeMaps,
  tenantId: number,
  defaultSource: string,
  now: number,
  fromCsv = false
): ResolvedCall | FieldError[] {
  if (fromCsv) {
    const fast = fastCsvRecord(raw as Record<string, string>);
    if (fast) return resolveRecord(fast, maps, tenantId, defaultSource, now);
  }
  const parsed = CallRecord.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? { column: i.keys.join(', '), reason: `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => echo(k)).join(', ')}` }
        : { column: i.path.length ? String(i.path[0]) : '(row)', reason: i.path.length ? i.message : `not a call record: ${i.message}` }
    );
    // Report unknown codes of the same row too (only those fields that passed the schema).
    if (raw && typeof raw === 'object') {
      const bad = new Set(errors.map((e) => e.column));
      const r = raw as Record<string, unknown>;
      const codes = Object.fromEntries(['program_code', 'queue_code', 'agent_code'].filter((c) => !bad.has(c)).map((c) => [c, r[c]]));
      if (bad.has('program_code')) delete codes.queue_code;
      errors.push(...resolveCodes(codes, maps).errors);
    }
    return errors;
  }
  return resolveRecord(parsed.data, maps, tenantId, defaultSource, now);
}
