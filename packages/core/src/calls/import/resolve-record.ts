import type { InValue } from '@libsql/client';
import type { CodeMaps } from './code-maps.ts';
import { similarCode } from './code-maps.ts';
import type { CallRecord } from './row-schema.ts';

/** Column order of the multi-row INSERT (see upsert-calls.ts). */
export const INSERT_COLUMNS = [
  'tenant_id', 'source', 'external_id', 'program_id', 'queue_id', 'agent_id', 'direction', 'started_at',
  'answer_seconds', 'talk_seconds', 'hold_seconds', 'transfers', 'disposition', 'customer_ref', 'recording_path', 'language'
] as const;

export type ResolvedCall = { source: string; externalId: string; programId: number; args: InValue[] };
export type FieldError = { column: string; reason: string };

const hint = (suggestion: string | undefined) => (suggestion ? ` (did you mean "${suggestion}"?)` : '');

/**
 * Turns a valid record into the values of one row of the calls table, resolving codes through the
 * tenant's maps. Pure: the same record and maps always give the same answer.
 */
export function resolveRecord(rec: CallRecord, maps: CodeMaps, tenantId: number, defaultSource: string): ResolvedCall | FieldError[] {
  const errors: FieldError[] = [];
  const program = maps.programs.get(rec.program_code);
  if (!program) {
    errors.push({ column: 'program_code', reason: `unknown program "${rec.program_code}"${hint(similarCode(maps.programs.keys(), rec.program_code))}` });
  } else if (!program.allowed) {
    errors.push({ column: 'program_code', reason: `program "${rec.program_code}" is outside what you may import (an API token imports only calls of its own program or client)` });
  }
  let queueId: number | null = null;
  if (program && rec.queue_code !== undefined) {
    const q = maps.queues.get(`${program.id}/${rec.queue_code}`);
    if (q === undefined) {
      const prefix = `${program.id}/`;
      const inProgram = [...maps.queues.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      errors.push({ column: 'queue_code', reason: `unknown queue "${rec.queue_code}" in program "${rec.program_code}"${hint(similarCode(inProgram, rec.queue_code))}` });
    } else queueId = q;
  }
  const agentId = maps.agents.get(rec.agent_code);
  if (agentId === undefined) {
    errors.push({ column: 'agent_code', reason: `unknown agent "${rec.agent_code}"${hint(similarCode(maps.agents.keys(), rec.agent_code))}` });
  }
  if (errors.length) return errors;
  const source = rec.source ?? defaultSource;
  return {
    source,
    externalId: rec.external_id,
    programId: program!.id,
    args: [
      tenantId, source, rec.external_id, program!.id, queueId, agentId!, rec.direction, Date.parse(rec.started_at),
      rec.answer_seconds ?? 0, rec.talk_seconds, rec.hold_seconds ?? 0, rec.transfers ?? 0,
      rec.disposition ?? null, rec.customer_ref ?? null, rec.recording ?? null, rec.language ?? null
    ]
  };
}
