import { z } from 'zod';
import { invalid } from './errors.ts';

/** A record id in a verb's input. */
export const Id = z.number().int().positive();

/**
 * zod input parsing for every verb: a VALIDATION error naming each bad field, like the API's.
 * `prefix` places a nested shape in its caller's input (e.g. "definition." for a sampling plan's definition).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: prefix + (i.path.map(String).join('.') || '(input)'), message: i.message }));
  throw invalid(`Invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}
