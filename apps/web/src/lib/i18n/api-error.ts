import type { ApiFailure } from '$lib/api/errors';
import { m } from '$lib/paraglide/messages';
import type { ErrorCode } from '@attentive/shared/contract';

type Translate = (inputs: { requestId: string }) => string;

/**
 * An API failure as the person's language says it: the API's stable `code` picks the message
 * (`error_<CODE>` in messages/*.json); the API's English `message` is for API users and logs.
 * Field-level `details` are shown beside their fields by the page.
 */
export function apiErrorMessage(f: Pick<ApiFailure, 'code'> & { requestId?: string }): string {
  const translate = (m as unknown as Record<string, Translate | undefined>)[`error_${f.code as ErrorCode}`];
  return translate ? translate({ requestId: f.requestId ?? '—' }) : m.error_unknown({ code: f.code });
}
