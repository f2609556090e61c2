import type { AnswerValue, ScorecardDefinition, ScorecardItem } from '@attentive/shared/scorecard';
import { invalid, type ErrorDetail } from '../errors.ts';
import type { AnswerSet } from './compute-score.ts';

export type ValidateAnswersOptions = {
  /** On submit: every required item must be answered (N.A. counts where it is allowed). */
  requireComplete?: boolean;
};

function describeAnswerType(item: ScorecardItem): string {
  const a = item.answer;
  if (a.type === 'yes_no') return '"yes" or "no"';
  if (a.type === 'scale') return `a whole number from ${a.min} to ${a.max}`;
  return `one of ${a.options.map((o) => `"${o.key}"`).join(', ')}`;
}

function fitsType(item: ScorecardItem, value: AnswerValue): boolean {
  const a = item.answer;
  if (a.type === 'yes_no') return value === 'yes' || value === 'no';
  if (a.type === 'scale') return typeof value === 'number' && Number.isInteger(value) && value >= a.min && value <= a.max;
  return typeof value === 'string' && a.options.some((o) => o.key === value);
}

/**
 * Checks answers against a scorecard version. Throws one VALIDATION error listing every problem,
 * each naming its item: unknown item, answer outside its type, N.A. where not allowed, and
 * (with requireComplete) required items left unanswered. Null/undefined values mean "not answered".
 */
export function validateAnswers(definition: ScorecardDefinition, answers: AnswerSet, opts: ValidateAnswersOptions = {}): void {
  const items = new Map<string, ScorecardItem>();
  for (const s of definition.sections) for (const it of s.items) items.set(it.id, it);
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();

  const entries: [string, unknown, string][] = Array.isArray(answers)
    ? (answers as readonly { itemId: string; value: unknown }[]).map((a, i) => [a.itemId, a.value, `answers.${i}`])
    : Object.entries(answers).map(([k, v]) => [k, v, `answers.${k}`]);

  for (const [itemId, value, path] of entries) {
    const item = items.get(itemId);
    if (!item) {
      details.push({ path, message: `item "${itemId}" is not on this scorecard version` });
      continue;
    }
    if (seen.has(itemId)) {
      details.push({ path, message: `item "${itemId}" is answered twice` });
      continue;
    }
    seen.add(itemId);
    if (value == null) continue;
    if (value === 'na') {
      if (!item.naAllowed) details.push({ path, message: `item "${itemId}" does not allow N.A.` });
      continue;
    }
    if ((typeof value !== 'string' && typeof value !== 'number') || !fitsType(item, value))
      details.push({
        path,
        message: `item "${itemId}": ${JSON.stringify(value)} is not a valid answer; expected ${describeAnswerType(item)}${item.naAllowed ? ' or "na"' : ''}`
      });
  }

  if (opts.requireComplete) {
    const answered = new Set(entries.filter(([, v]) => v != null).map(([k]) => k));
    for (const [id, item] of items)
      if (item.required && !answered.has(id))
        details.push({ path: `answers.${id}`, message: `item "${id}" is required and has no answer` });
  }

  if (details.length) {
    const head = details
      .slice(0, 3)
      .map((d) => d.message)
      .join('; ');
    throw invalid(details.length > 3 ? `${head}; and ${details.length - 3} more` : head, details);
  }
}
