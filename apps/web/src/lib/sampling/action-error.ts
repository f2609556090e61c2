import type { ApiFailure } from '$lib/api/errors';
import { apiErrorMessage } from '$lib/i18n/api-error';

/**
 * A failed sampling action in the person's language: the screen's own words for the failures it expects
 * (a period already drawn is a CONFLICT, not "someone else changed this"), else the code's general message;
 * a validation failure adds the API's field details (English: they name the plan's fields).
 */
export function actionError(f: Pick<ApiFailure, 'code' | 'details'>, own: Partial<Record<string, () => string>> = {}): string {
  const text = own[f.code]?.() ?? apiErrorMessage(f);
  const details = f.code === 'VALIDATION' ? f.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)) : [];
  return [text, ...details].join(' ');
}
