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
  /** Key of customer contact details at rest (32 bytes, hex or base64). `pnpm start` makes one in data/ when unset. */
  CONTACT_DATA_KEY: z
    .string()
    .optional()
    .refine((k) => k === undefined || /^[0-9a-fA-F]{64}$/.test(k.trim()) || Buffer.from(k.trim(), 'base64').length === 32, {
      message: 'must be 32 bytes: 64 hex digits or base64'
    }),
  /** Days a customer's contact details are kept after the last call that brought them; then erased. */
  CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Outgoing mail for survey invitations, e.g. smtp://user:pass@mail.example.com:587 (unset: no e-mail). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Attentive <no-reply@localhost>'),
  /** Requests per client IP per minute to the public survey pages (a respondent needs a handful). */
  SURVEY_LINK_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** On a libSQL server: a running import whose process has not written its heartbeat (every second) for this
   *  many seconds is marked interrupted by another process. */
  IMPORT_STALE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),
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
