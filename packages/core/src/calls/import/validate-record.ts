import type { CodeMaps } from './code-maps.ts';
import { resolveRecord, type FieldError, type ResolvedCall } from './resolve-record.ts';
import { CallRecord } from './row-schema.ts';

/** Validates one record (CallRecord schema) and resolves its codes: a row of the calls table, or every problem found. */
export function validateRecord(raw: unknown, maps: CodeMaps, tenantId: number, defaultSource: string): ResolvedCall | FieldError[] {
  const parsed = CallRecord.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ column: i.path.length ? String(i.path[0]) : '(row)', reason: i.path.length ? i.message : `not a call record: ${i.message}` }));
  }
  return resolveRecord(parsed.data, maps, tenantId, defaultSource);
}
