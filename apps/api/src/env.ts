import { z } from 'zod';

/**
 * The only place that reads the environment. Validated once at start-up; a bad value stops the
 * server with a message naming the variable. Everything else receives an `Env` as an argument.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('file:./data/attentive.db')
    .refine((u) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(u), {
      message: 'must start with file:, libsql://, http(s):// or ws(s)://'
    }),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  RECORDINGS_DIR: z.string().min(1).default('./data/recordings'),
  /** Public URL of the app (used for cookies' Secure flag and auth callbacks). */
  ORIGIN: z.url().optional(),
  /** Secret for signing session cookies. Required in production; a dev default otherwise. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Seed the demo contact center on first start (empty database only). */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Sign-in attempts per client IP per minute (a whole office may share one IP behind NAT); the
   *  per-address lockout is the guard against password guessing. */
  SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
