import type { InValue } from '@libsql/client';
import type { CodeMaps } from './code-maps.ts';
import { similarCode } from './code-maps.ts';
import { normalizePhone, startedAtProblem, type CallRecord } from './row-schema.ts';

/** A customer's contact details from a call record, still in clear: sealed when written (upsert-contacts.ts). */
export type ImportedContact = {
  customerRef: string;
  startedAt: number;
  phone: string | null;
  email: string | null;
  language: 'en' | 'nl' | null;
};
export type ResolvedCall = { source: string; externalId: string; programId: number; args: InValue[]; contact?: ImportedContact };
export type FieldError = { column: string; reason: string };

const hint = (suggestion: string | undefined) => (suggestion ? ` (did you mean "${suggestion}"?)` : '');

type Codes = { program_code?: unknown; queue_code?: unknown; agent_code?: unknown };

/**
 * Resolves the codes of a record (those that are text); an unknown code is an error, never created.
 * Also used on records that failed the schema, so one pass reports every problem of a row.
 */
export function resolveCodes(
  rec: Codes,
  maps: CodeMaps
): { programId?: number; queueId: number | null; agentId?: number; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const programCode = typeof rec.program_code === 'string' ? rec.program_code.trim() : undefined;
  const queueCode = typeof rec.queue_code === 'string' && rec.queue_code.trim() ? rec.queue_code.trim() : undefined;
  const agentCode = typeof rec.agent_code === 'string' ? rec.agent_code.trim() : undefined;
  const program = programCode ? maps.programs.get(programCode) : undefined;
  if (programCode && !program) {
    errors.push({
      column: 'program_code',
      reason: `unknown program "${programCode}"${hint(similarCode(maps.programs.keys(), programCode))}`
    });
  } else if (program && !program.allowed) {
    errors.push({
      column: 'program_code',
      reason: `program "${programCode}" is outside what you may import (an API token imports only calls of its own program or client)`
    });
  }
  let queueId: number | null = null;
  if (program && queueCode !== undefined) {
    const q = maps.queues.get(`${program.id}/${queueCode}`);
    if (q === undefined) {
      const prefix = `${program.id}/`;
      const inProgram = [...maps.queues.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      errors.push({
        column: 'queue_code',
        reason: `unknown queue "${queueCode}" in program "${programCode}"${hint(similarCode(inProgram, queueCode))}`
      });
    } else queueId = q;
  }
  const agentId = agentCode ? maps.agents.get(agentCode) : undefined;
  if (agentCode && agentId === undefined) {
    errors.push({ column: 'agent_code', reason: `unknown agent "${agentCode}"${hint(similarCode(maps.agents.keys(), agentCode))}` });
  }
  return { programId: program?.id, queueId, agentId, errors };
}

/**
 * Turns a valid record into the values of one row of the calls table, resolving codes through the
 * tenant's maps and checking the date against `now` (ms). Pure: the same arguments give the same answer.
 */
export function resolveRecord(
  rec: CallRecord,
  maps: CodeMaps,
  tenantId: number,
  defaultSource: string,
  now: number
): ResolvedCall | FieldError[] {
  const { programId, queueId, agentId, errors } = resolveCodes(rec, maps);
  const started = Date.parse(rec.started_at);
  const dateProblem = startedAtProblem(started, now);
  if (dateProblem) errors.push({ column: 'started_at', reason: dateProblem });
  const hasContact = rec.customer_phone != null || rec.customer_email != null || rec.customer_language != null;
  if (hasContact && rec.customer_ref == null) {
    const column = rec.customer_phone != null ? 'customer_phone' : rec.customer_email != null ? 'customer_email' : 'customer_language';
    errors.push({
      column,
      reason: `${column} needs a customer_ref: contact details are kept by the customer's pseudonym, apart from the call`
    });
  }
  if (errors.length) return errors;
  const source = rec.source ?? defaultSource;
  return {
    source,
    externalId: rec.external_id,
    programId: programId!,
    args: [
      tenantId,
      source,
      rec.external_id,
      programId!,
      queueId,
      agentId!,
      rec.direction,
      started,
      rec.answer_seconds ?? 0,
      rec.talk_seconds,
      rec.hold_seconds ?? 0,
      rec.transfers ?? 0,
      rec.disposition ?? null,
      rec.customer_ref ?? null,
      rec.recording ?? null,
      rec.language ?? null
    ],
    ...(hasContact
      ? {
          contact: {
            customerRef: rec.customer_ref!,
            startedAt: started,
            phone: rec.customer_phone == null ? null : normalizePhone(rec.customer_phone),
            email: rec.customer_email ?? null,
            language: rec.customer_language ?? null
          }
        }
      : {})
  };
}
