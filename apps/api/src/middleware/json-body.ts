import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';

/** Deepest nesting of arrays/objects a JSON body may have: the deepest input (a scorecard definition in a draft body) nests 9; 32 leaves room. */
export const MAX_JSON_DEPTH = 32;

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\b/i;
const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The first position where a JSON text nests deeper than `max`, or -1. A linear scan of the text
 * (strings skipped), so it cannot overflow the stack on any input, unlike the recursive walkers
 * (validators, error formatters, JSON.stringify) that would otherwise meet the parsed value.
 */
export function jsonTooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return i;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every JSON request body is checked before any route parses or validates it: valid UTF-8 (RFC 8259;
 * a silent U+FFFD would store mangled text) and nested at most MAX_JSON_DEPTH deep. Runs after the
 * body limit, so the body read here is already bounded.
 */
export function jsonBodyGuard(max = MAX_JSON_DEPTH): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (WITHOUT_BODY.has(c.req.method) || !c.req.raw.body || !JSON_TYPE.test(c.req.header('content-type') ?? '')) return next();
    const bytes = await c.req.arrayBuffer(); // cached: the validators' c.req.json() reads it again
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return c.json(errorBody(c, 'VALIDATION', 'The JSON body is not valid UTF-8 text: send JSON encoded as UTF-8'), 400);
    }
    const at = jsonTooDeepAt(text, max);
    if (at >= 0) {
      return c.json(
        errorBody(
          c,
          'VALIDATION',
          `The JSON body nests arrays/objects deeper than ${max} levels (at character ${at}); no API input is that deep`
        ),
        400
      );
    }
    // Handlers that read the raw request (the sign-in routes) still find the body there.
    c.req.raw = new Request(c.req.raw, { body: bytes });
    return next();
  };
}
