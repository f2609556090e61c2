import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { ErrorEnvelope } from '@attentive/shared/contract';
import { IdParam } from './routes/params.ts';

/**
 * The OpenAPI helpers every route file uses (declared once): `route()` gives each operation its
 * operationId, its security and the errors it can answer; `json()` and `body()` spell content.
 */

/** The two ways to be signed in (both resolved by middleware/principal.ts). */
export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'attentive.session_token',
    description: 'The session cookie set by POST /api/auth/sign-in/email'
  },
  bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (att_…) created by an admin under /api/admin/api-tokens' }
} as const;
export const SIGNED_IN = [{ session: [] }, { bearerToken: [] }];
/** For operations anyone may call. */
export const PUBLIC: [] = [];

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorEnvelope } } });

/** Every signed-in operation can answer these. */
export const readErrors = {
  400: error('Bad input: `details` names each bad field (VALIDATION)'),
  401: error('Not signed in, or the token is unknown or revoked (UNAUTHENTICATED)'),
  403: error('Not allowed (FORBIDDEN)'),
  404: error('Not found, or not yours to see (NOT_FOUND)'),
  429: error('Too many requests (TOO_MANY_REQUESTS)'),
  500: error('Something went wrong on our side; quote the requestId (INTERNAL)'),
  503: error('The database is not reachable; retry after the Retry-After seconds (UNAVAILABLE)')
} as const;

/** Writes can also meet a conflict, an unmet precondition, a body too large or of the wrong type. */
export const writeErrors = {
  ...readErrors,
  409: error('Conflict with the stored state, e.g. a stale revision (CONFLICT)'),
  412: error('A precondition does not hold, e.g. no draft to publish (PRECONDITION_FAILED)'),
  413: error('The body is too large (PAYLOAD_TOO_LARGE)'),
  415: error('The body is not of the declared content type (UNSUPPORTED_MEDIA_TYPE)')
} as const;

/** The errors of reads that can also answer 412 (e.g. a recording the server cannot read). */
export const readErrorsWith412 = { ...readErrors, 412: writeErrors[412] } as const;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ErrorsOf<M> = M extends 'get' ? typeof readErrors : typeof writeErrors;

/**
 * One operation of the document. `operationId` is required (camelCase, stable: a generated SDK names its
 * methods after it); security defaults to "signed in"; the errors of its method are added unless the
 * operation lists its own (`errors`).
 */
export function route<
  const P extends string,
  const R extends Omit<RouteConfig, 'path' | 'method' | 'operationId'> & { path: P; method: Method; operationId: string },
  const E extends Record<number, unknown> = ErrorsOf<R['method']>
>(config: R & { errors?: E }) {
  const { errors, ...rest } = config;
  const errs = errors ?? (config.method === 'get' ? readErrors : writeErrors);
  return createRoute({
    security: SIGNED_IN,
    ...rest,
    responses: { ...errs, ...config.responses }
  } as unknown as Omit<R, 'responses'> & { path: P; responses: E & R['responses'] });
}

/** A response with a JSON body. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
/** A required JSON request body, spread into `request`. */
export const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/**
 * `schema` or null. (`.nullable()` on a named schema loses the null in the OpenAPI 3.1 output: the
 * document then promised an object where the API answers null.)
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** A response `{ items: [...] }`: how every list without paging answers. */
export const jsonList = <T extends z.ZodType>(item: T, description: string) => json(z.object({ items: z.array(item) }), description);

/** What names and explains an operation in the document. */
type OperationDoc = Pick<RouteConfig, 'tags' | 'summary' | 'description'> & { operationId: string };

/** GET the one record whose `{id}` is in `path`: 200 answers `schema`, described as `what`. */
export const getById = <const P extends string, T extends z.ZodType>(path: P, schema: T, what: string, doc: OperationDoc) =>
  route({ method: 'get', path, ...doc, request: { params: IdParam }, responses: { 200: json(schema, what) } });
