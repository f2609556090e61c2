import { z } from '@hono/zod-openapi';

/**
 * The one spelling of a record id in a URL (path or query string): `^[1-9][0-9]*$`, at most
 * Number.MAX_SAFE_INTEGER. `z.coerce.number()` read `0x10` as 16 and ` 1`, `+5`, `05`, `1e1`, `0b101`
 * as real ids, so one record had many addresses; here every other spelling is a 400 that names the field.
 */
const ID_PATTERN = /^[1-9][0-9]{0,15}$/;
/** As documented: an integer in [1, 2^53 − 1], written in digits (how clients serialise an integer parameter). */
const ID_DOC = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 1 } as const;
const ID_MESSAGE = 'expected a record id: a whole number from 1, digits only (no sign, spaces, leading zeros or exponent)';

export const IdString = z
  .string()
  .regex(ID_PATTERN, ID_MESSAGE)
  .transform(Number)
  .pipe(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER, ID_MESSAGE))
  .openapi(ID_DOC);

/** A path parameter `{name}` that is a record id. */
export const pathId = (name: string) => IdString.openapi({ param: { name, in: 'path' }, ...ID_DOC });

/** `{id}` in a path, the most common case. */
export const IdParam = z.object({ id: pathId('id') });

/** An optional record id in a query string (`?agent=12`), with the same strict spelling. */
export const queryId = () => IdString.optional();

/** A whole number in a query string (limits, windows) within [min, max]: the same strict digits, no `0x`, `1e2` or sign. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, `expected a whole number from ${min} to ${max}, digits only`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .openapi({ type: 'integer', minimum: min, maximum: max, example: min });
