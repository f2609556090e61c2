import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people, programs, queues } from './org.ts';
import { createdAt, id, ms, ref, tenantId } from './columns.ts';

/**
 * One recorded (or live-monitored) customer contact. Imported from telephony systems;
 * (source, external_id) identifies a call across re-imports.
 * No raw phone number is ever stored: `customerRef` is a pseudonym chosen by the source.
 */
export const calls = sqliteTable(
  'calls',
  {
    id: id(),
    tenantId: tenantId(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    programId: ref('program_id', () => programs.id),
    queueId: integer('queue_id').references(() => queues.id),
    agentId: ref('agent_id', () => people.id),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    startedAt: ms('started_at').notNull(),
    /** Seconds the customer waited before a human answered. */
    answerSeconds: integer('answer_seconds').notNull().default(0),
    talkSeconds: integer('talk_seconds').notNull(),
    holdSeconds: integer('hold_seconds').notNull().default(0),
    transfers: integer('transfers').notNull().default(0),
    disposition: text('disposition'),
    customerRef: text('customer_ref'),
    /** Path of the audio file relative to the recordings directory. */
    recordingPath: text('recording_path'),
    language: text('language'),
    createdAt: createdAt(),
    updatedAt: ms('updated_at')
  },
  (t) => [
    uniqueIndex('calls_source_external').on(t.tenantId, t.source, t.externalId),
    index('calls_program_time').on(t.programId, t.startedAt),
    index('calls_agent_time').on(t.agentId, t.startedAt),
    index('calls_tenant_time').on(t.tenantId, t.startedAt)
  ]
);

/**
 * The columns a bulk load of calls writes, in the order of its raw multi-row INSERTs (the import,
 * the demo generator and the import benchmark bypass the ORM on this hot path).
 */
export const CALL_IMPORT_COLUMNS = [
  'tenant_id',
  'source',
  'external_id',
  'program_id',
  'queue_id',
  'agent_id',
  'direction',
  'started_at',
  'answer_seconds',
  'talk_seconds',
  'hold_seconds',
  'transfers',
  'disposition',
  'customer_ref',
  'recording_path',
  'language'
] as const;

/** Speaker turns of a call, kept apart so that lists over calls never read them. */
export const callTranscripts = sqliteTable('call_transcripts', {
  callId: integer('call_id')
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  language: text('language').notNull(),
  /** JSON: [{ speaker: 'agent' | 'customer', start: seconds, end: seconds, text }] */
  turns: text('turns', { mode: 'json' }).notNull().$type<TranscriptTurn[]>()
});

export type TranscriptTurn = { speaker: 'agent' | 'customer'; start: number; end: number; text: string };
