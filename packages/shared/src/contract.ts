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
  'GONE',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RANGE_NOT_SATISFIABLE',
  'TOO_MANY_REQUESTS',
  'HTTP_ERROR',
  'INTERNAL',
  'UNAVAILABLE'
] as const;
export const ErrorCode = z
  .enum(ERROR_CODES)
  .meta({ id: 'ErrorCode', description: 'A stable machine-readable reason; screens translate it' });
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

/** n observations, the estimate and its 95% interval (null when n is too small). Every figure with a spread comes as one. */
export const Estimate = z
  .object({ n: z.number().int(), estimate: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() })
  .meta({ id: 'Estimate', description: 'n observations, the estimate and its 95% interval (null when n is too small)' });
export type Estimate = z.infer<typeof Estimate>;

/** A record named by code and name (team, program, client, queue, agent). */
export const Ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() }).meta({ id: 'Ref' });

/** The facts every view of a call shows; the call list and the call detail add their own. */
export const CallFacts = z
  .object({
    id: z.number().int(),
    startedAt: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    team: Ref.nullable(),
    program: Ref,
    client: Ref,
    queue: Ref.nullable(),
    answerSeconds: z.number().int(),
    talkSeconds: z.number().int(),
    holdSeconds: z.number().int(),
    transfers: z.number().int(),
    disposition: z.string().nullable(),
    language: z.string().nullable(),
    hasRecording: z.boolean()
  })
  .meta({ id: 'CallFacts' });
export type CallFacts = z.infer<typeof CallFacts>;
