import { z } from 'zod';

/**
 * Shapes that cross the API boundary and are not part of one domain module, declared once and named
 * for the OpenAPI document with `.meta({ id })`.
 */

/**
 * Every machine-readable reason an error can carry. Screens translate by `code`, never by `message`.
 * The domain's codes (core/errors.ts) plus the HTTP layer's own.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RANGE_NOT_SATISFIABLE',
  'TOO_MANY_REQUESTS',
  'HTTP_ERROR',
  'INTERNAL'
] as const;
export const ErrorCode = z.enum(ERROR_CODES).meta({ id: 'ErrorCode', description: 'A stable machine-readable reason; screens translate it' });
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDetail = z
  .object({ path: z.string().optional(), line: z.number().optional(), column: z.string().optional(), message: z.string() })
  .meta({ id: 'ErrorDetail', description: 'One bad field (path) or line of an upload (line, column)' });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error envelope: every non-2xx JSON answer of the API. */
export const ErrorEnvelope = z
  .object({
    error: z.object({ code: ErrorCode, message: z.string(), details: z.array(ErrorDetail).optional(), requestId: z.string() })
  })
  .meta({ id: 'Error' });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
