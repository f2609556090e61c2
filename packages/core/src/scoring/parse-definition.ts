import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { invalid, type ErrorDetail } from '../errors.ts';

/**
 * Parses a scorecard definition from untrusted input. Every problem is reported with the item (or
 * section) it belongs to, e.g. `item "id-check": weight must be 0 or more`, so the builder and API
 * clients can point at it. Throws DomainError VALIDATION.
 */
export function parseDefinition(input: unknown): ScorecardDefinition {
  const r = ScorecardDefinition.safeParse(input);
  if (r.success) return r.data;
  const details: ErrorDetail[] = r.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const where = nameAt(input, issue.path);
    const field = fieldOf(path);
    const prefix = field && !issue.message.startsWith(path.at(-1) ?? '') ? `${field} ` : '';
    const message = where && !issue.message.startsWith(where) ? `${where}: ${prefix}${issue.message}` : issue.message;
    return { path: ['definition', ...path].join('.'), message };
  });
  const head = details
    .slice(0, 3)
    .map((d) => d.message)
    .join('; ');
  throw invalid(`Invalid scorecard: ${head}${details.length > 3 ? `; and ${details.length - 3} more` : ''}`, details);
}

/** `item "greeting"` / `section "opening"` / `item #3 of section "opening"` for an issue path. */
function nameAt(input: unknown, path: PropertyKey[]): string | null {
  if (path[0] !== 'sections' || typeof path[1] !== 'number') return null;
  const section = (input as { sections?: unknown[] })?.sections?.[path[1]] as { id?: unknown; items?: unknown[] } | undefined;
  const sectionName = typeof section?.id === 'string' ? `section "${section.id}"` : `section #${path[1] + 1}`;
  if (path[2] !== 'items' || typeof path[3] !== 'number') return sectionName;
  const item = section?.items?.[path[3]] as { id?: unknown } | undefined;
  return typeof item?.id === 'string' && item.id ? `item "${item.id}"` : `item #${path[3] + 1} of ${sectionName}`;
}

/** The field an issue is about, relative to its item or section: "answer.max" or "weight". */
function fieldOf(path: string[]): string {
  return (path[2] === 'items' ? path.slice(4) : path.slice(2)).join('.');
}
