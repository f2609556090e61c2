import { looksLikePhoneNumber, recordingPathProblem, SOURCE_PATTERN, type CallRecord } from './row-schema.ts';

/**
 * A shortcut for the common case of a clean CSV row: returns exactly what CallRecord.parse would, or
 * null for anything unusual (then the zod schema decides and words the errors). It may refuse more
 * than the schema, never accept more — test/calls-import-fast-path.test.ts checks that on random rows.
 * Why: zod costs ~5 µs a row; a million-row import spends seconds in it.
 */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:\-/ ]{0,63}$/;
const INT = /^\d{1,6}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,3})?(Z|[+-](0\d|1[0-4]):(00|30|45))$/;
const MAX_SECONDS = 7 * 24 * 3600;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** No surrounding whitespace (the schema trims; the shortcut only takes values trimming would not change). */
const clean = (v: string) => v.trim() === v;

function validTime(v: string): boolean {
  const m = TIME.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS[mo - 1]!);
}

function seconds(v: string | undefined, max: number): number | undefined | null {
  if (v === undefined || v === '') return undefined;
  if (!INT.test(v)) return null;
  const n = Number(v);
  return n <= max ? n : null;
}

/** Characters the schema refuses in text (shared textProblem): such rows go to the schema for its message. */
const HIDDEN = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/u;

export function fastCsvRecord(r: Record<string, string>): CallRecord | null {
  for (const k in r) if (HIDDEN.test(r[k]!)) return null;
  const source = r.source;
  const externalId = r.external_id;
  const program = r.program_code;
  const queue = r.queue_code;
  const agent = r.agent_code;
  const direction = r.direction;
  const started = r.started_at;
  if (source !== undefined && source !== '' && !SOURCE_PATTERN.test(source)) return null;
  if (!externalId || externalId.length > 200 || !clean(externalId)) return null;
  if (!program || !CODE.test(program) || !clean(program)) return null;
  if (queue !== undefined && queue !== '' && (!CODE.test(queue) || !clean(queue))) return null;
  if (!agent || !CODE.test(agent) || !clean(agent)) return null;
  if (direction !== 'inbound' && direction !== 'outbound') return null;
  if (!started || !validTime(started)) return null;
  const answer = seconds(r.answer_seconds, MAX_SECONDS);
  const talk = seconds(r.talk_seconds, MAX_SECONDS);
  const hold = seconds(r.hold_seconds, MAX_SECONDS);
  const transfers = seconds(r.transfers, 100);
  if (answer === null || talk === null || talk === undefined || hold === null || transfers === null) return null;
  const disposition = r.disposition;
  if (disposition !== undefined && (disposition.length > 100 || !clean(disposition))) return null;
  const ref = r.customer_ref;
  if (ref !== undefined && ref !== '' && (ref.length > 200 || !clean(ref) || looksLikePhoneNumber(ref))) return null;
  const recording = r.recording;
  if (
    recording !== undefined &&
    recording !== '' &&
    (recording.length > 500 || !clean(recording) || recordingPathProblem(recording) !== null)
  )
    return null;
  const language = r.language;
  if (language !== undefined && language !== '' && !LANG.test(language)) return null;
  // Rows with contact details take the schema's path: they are few, and their checks are worded there.
  if (r.customer_phone || r.customer_email || r.customer_language) return null;
  return {
    source: source || undefined,
    external_id: externalId,
    program_code: program,
    queue_code: queue || undefined,
    agent_code: agent,
    direction,
    started_at: started,
    answer_seconds: answer,
    talk_seconds: talk,
    hold_seconds: hold,
    transfers,
    disposition: disposition || undefined,
    customer_ref: ref || undefined,
    recording: recording || undefined,
    language: language || undefined,
    customer_phone: undefined,
    customer_email: undefined,
    customer_language: undefined
  };
}
