import { z } from 'zod';
import { DIRECTIONS, textProblem } from '@attentive/shared';
import { echo } from './types.ts';

/**
 * One call record as it arrives from outside (CSV row, JSON batch element, webhook body).
 * CSV cells are strings: an empty cell means "not given"; numeric strings count as numbers.
 * Codes (program, queue, agent) are resolved against the tenant's own data afterwards.
 */

const MAX_SECONDS = 7 * 24 * 3600;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:\-/ ]{0,63}$/;
export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim() || undefined : v);

/** Control, invisible and text-direction characters have no place in a call record (see shared/text.ts). */
function refuseHiddenCharacters(v: string, ctx: z.RefinementCtx) {
  const problem = textProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

/** Earliest call date taken: older dates are typos (0001, 1970 epoch zeros) rather than calls. */
export const EARLIEST_CALL = Date.UTC(2000, 0, 1);
/** How far ahead of the server's clock a call may start (clock skew, zones): one day. */
export const CALL_CLOCK_SLACK_MS = 24 * 3600 * 1000;

/** Why a call start time is not plausible, or null. `now`: the server's clock (ms). */
export function startedAtProblem(startedMs: number, now: number): string | null {
  if (startedMs < EARLIEST_CALL)
    return `started_at ${new Date(startedMs).toISOString().slice(0, 10)} is before 2000-01-01: not a plausible call date`;
  const latest = now + CALL_CLOCK_SLACK_MS;
  if (startedMs > latest)
    return `started_at ${new Date(startedMs).toISOString().slice(0, 10)} is in the future (latest accepted: ${new Date(latest).toISOString().slice(0, 16)}Z, one day after now)`;
  return null;
}

// Optional fields are optional *inside* the preprocess: an empty CSV cell becomes undefined first.
const text = (max: number) => z.string().max(max, `at most ${max} characters`).superRefine(refuseHiddenCharacters);
const code = (what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `${what} code is required` : `${what} code must be text`) })
    .regex(CODE, `not a valid ${what} code (letters, digits, . _ : - / and spaces, up to 64)`);
const blank = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);
const toInt = (v: unknown) => {
  const b = blankToUndefined(v);
  return typeof b === 'string' && /^-?\d+$/.test(b) ? Number(b) : b;
};

const seconds = (what: string) =>
  z
    .number({
      error: (i) => (i.input === undefined ? `${what} is required` : `${what} must be a whole number of seconds (got ${echo(i.input)})`)
    })
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`)
    .max(MAX_SECONDS, `${what} above ${MAX_SECONDS} is not a call`);

/**
 * True when a customer reference is (or contains) a telephone number. The calls table must never hold
 * a caller's number: the source sends a pseudonym (a salted hash, a CRM id) instead.
 */
export function looksLikePhoneNumber(value: string): boolean {
  const joined = value.replace(/(?<=\d)[\s().\-/]+(?=\d)/g, '');
  const compact = joined.replace(/[\s().\-/]/g, '');
  if (/^(\+|00)?\d{7,15}$/.test(compact)) return true;
  if (/\+\d{8,15}(?!\d)/.test(joined)) return true;
  return /(?<![A-Za-z0-9])(\+|00)?\d{9,15}(?![A-Za-z0-9])/.test(joined);
}

/** Why a recording path is refused, or null when it is a plain relative path inside the recordings folder. */
export function recordingPathProblem(path: string): string | null {
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.includes('\\')) return 'use forward slashes (/), not backslashes';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'must be relative to the recordings folder, not absolute';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return 'must be a file path, not a URL';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'must not contain ".." (it would leave the recordings folder)';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." segment';
  return null;
}

/**
 * A customer's phone number as the source sends it, in international form: + country code and 8–15 digits,
 * spaces, dots, dashes and brackets allowed between them. Returns the digits with their +, or null.
 */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s().\-/]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[A-Za-z]{2,63}$/;

// Contact details are personal data: a message about them never quotes the value (import errors are stored and shown).
const contactField = (what: string, check: (v: string) => boolean, message: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${what} must be text` })
      .max(254, `${what} is longer than 254 characters`)
      .refine(check, message)
      .optional()
  );

export const CallRecord = z.strictObject({
  source: z.preprocess(blankToUndefined, z.string().regex(SOURCE_PATTERN, 'source: letters, digits, . _ - (up to 64)').optional()),
  external_id: z.preprocess(
    blankToUndefined,
    z
      .string({ error: (i) => (i.input === undefined ? 'external_id is required' : 'external_id must be text') })
      .max(200, 'at most 200 characters')
      .superRefine(refuseHiddenCharacters)
  ),
  program_code: blank(code('program')),
  queue_code: blank(code('queue').optional()),
  agent_code: blank(code('agent')),
  direction: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(DIRECTIONS, {
      error: (i) =>
        i.input === undefined || i.input === ''
          ? 'direction is required (inbound or outbound)'
          : `direction must be inbound or outbound, not ${echo(i.input)}`
    })
  ),
  started_at: z.preprocess(
    blankToUndefined,
    z.iso.datetime({
      offset: true,
      error: (i) =>
        i.input === undefined
          ? 'started_at is required'
          : `started_at must be an ISO 8601 time with a zone, e.g. 2026-11-02T09:15:00Z or 2026-11-02T10:15:00+01:00 (got ${echo(i.input)})`
    })
  ),
  answer_seconds: z.preprocess(toInt, seconds('answer_seconds').optional()),
  talk_seconds: z.preprocess(toInt, seconds('talk_seconds')),
  hold_seconds: z.preprocess(toInt, seconds('hold_seconds').optional()),
  transfers: z.preprocess(
    toInt,
    z
      .number({ error: (i) => `transfers must be a whole number (got ${echo(i.input)})` })
      .int('transfers must be a whole number')
      .min(0, 'transfers cannot be negative')
      .max(100, 'more than 100 transfers is not a call')
      .optional()
  ),
  disposition: blank(text(100).optional()),
  customer_ref: blank(
    text(200)
      .optional()
      .refine((v) => v === undefined || !looksLikePhoneNumber(v), {
        message:
          'customer_ref looks like a telephone number; send a pseudonymous reference instead (e.g. a salted hash or a CRM customer id) — raw phone numbers are never stored with calls'
      })
  ),
  recording: blank(
    text(500)
      .optional()
      .superRefine((v, ctx) => {
        const problem = v === undefined ? null : recordingPathProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: `recording ${problem}` });
      })
  ),
  language: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a language tag such as nl, en or nl-BE')
      .optional()
  ),
  // The customer's contact details for a callback survey: sealed into customer_contacts (by customer_ref),
  // never stored with the call (upsert-contacts.ts).
  customer_phone: contactField(
    'customer_phone',
    (v) => normalizePhone(v) != null,
    'customer_phone must be a phone number in international form: + country code and 8–15 digits (e.g. +31 6 1234 5678)'
  ),
  customer_email: contactField('customer_email', (v) => EMAIL.test(v), 'customer_email is not an e-mail address (name@domain.tld)'),
  customer_language: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : blankToUndefined(v)),
    z.enum(['en', 'nl'], { error: 'customer_language must be en or nl' }).optional()
  )
});

/** The contact columns: a row with any of them needs a customer_ref. */
export const CONTACT_COLUMNS = ['customer_phone', 'customer_email', 'customer_language'] as const;

export type CallRecordInput = z.input<typeof CallRecord>;
export type CallRecord = z.output<typeof CallRecord>;

/** The columns of a call record, in the order of the CSV template. */
export const CALL_RECORD_COLUMNS = Object.keys(CallRecord.shape) as (keyof typeof CallRecord.shape)[];
/** Columns a CSV header must contain (source may come from the request instead). */
export const REQUIRED_COLUMNS = ['external_id', 'program_code', 'agent_code', 'direction', 'started_at', 'talk_seconds'] as const;
