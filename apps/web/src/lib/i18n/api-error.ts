import type { ApiFailure } from '$lib/api/errors';
import { m } from '$lib/paraglide/messages';
import type { ErrorCode } from '@attentive/shared/contract';

/**
 * Every API error code's message (messages/*.json `error_<CODE>`). Listed one by one, not looked up by
 * name, so a bundle holds only these and a new code in ERROR_CODES fails type-checking until it has one.
 */
const ERROR_MESSAGES: Record<ErrorCode, (inputs: { requestId: string }) => string> = {
  VALIDATION: m.error_VALIDATION,
  UNAUTHENTICATED: m.error_UNAUTHENTICATED,
  FORBIDDEN: m.error_FORBIDDEN,
  NOT_FOUND: m.error_NOT_FOUND,
  CONFLICT: m.error_CONFLICT,
  GONE: m.error_GONE,
  PRECONDITION_FAILED: m.error_PRECONDITION_FAILED,
  PAYLOAD_TOO_LARGE: m.error_PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: m.error_UNSUPPORTED_MEDIA_TYPE,
  RANGE_NOT_SATISFIABLE: m.error_RANGE_NOT_SATISFIABLE,
  TOO_MANY_REQUESTS: m.error_TOO_MANY_REQUESTS,
  HTTP_ERROR: m.error_HTTP_ERROR,
  INTERNAL: m.error_INTERNAL,
  UNAVAILABLE: m.error_UNAVAILABLE
};

/**
 * An API failure as the person's language says it: the API's stable `code` picks the message; the API's
 * English `message` is for API users and logs. Field-level `details` are shown beside their fields by the page.
 */
export function apiErrorMessage(f: Pick<ApiFailure, 'code'> & { requestId?: string }): string {
  const translate = Object.hasOwn(ERROR_MESSAGES, f.code) ? ERROR_MESSAGES[f.code as ErrorCode] : undefined;
  return translate ? translate({ requestId: f.requestId ?? '—' }) : m.error_unknown({ code: f.code });
}
