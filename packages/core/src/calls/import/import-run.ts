import type { Transaction } from '@libsql/client';
import { and, eq } from 'drizzle-orm';
import { isEmbedded, schema } from '@attentive/db';
import { nowOf, type Ctx } from '../../context.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { conflict } from '../../errors.ts';
import type { CodeMaps } from './code-maps.ts';
import { PROCESS_ID } from '../../processes/process-id.ts';
import { startHeartbeat } from './heartbeat.ts';
import { endProgress, publishProgress } from './progress.ts';
import { drizzleOver } from './raw-tx.ts';
import type { ResolvedCall } from './resolve-record.ts';
import { validateRecord } from './validate-record.ts';
import { BATCH_ROWS, currentMaxCallId, foreignExistingCalls, upsertCalls } from './upsert-calls.ts';
import { DEFAULT_CONTACT_RETENTION_DAYS, upsertContacts } from './upsert-contacts.ts';
import {
  MAX_COLUMN_CHARS,
  MAX_REASON_CHARS,
  MAX_REPORTED_ERRORS,
  clip,
  unlistedErrorsNote,
  type ImportCounts,
  type ImportMode,
  type ImportStatus,
  type ImportSummary,
  type RowError
} from './types.ts';

/** A row with contact details on a server without a contact key (CONTACT_DATA_KEY): refused, never stored in clear. */
export const NO_KEY = {
  column: 'customer_phone',
  reason:
    'this server keeps no customer contact details (CONTACT_DATA_KEY is not set): leave the customer_phone, customer_email and customer_language columns empty'
};

/** The contact details of written rows, sealed into customer_contacts (upsert-contacts.ts). */
export async function writeContacts(ctx: Ctx, tx: Transaction, rows: ResolvedCall[]) {
  const contacts = rows.flatMap((r) => (r.contact ? [r.contact] : []));
  if (contacts.length === 0 || !ctx.contactCipher) return;
  await upsertContacts(tx, {
    tenantId: ctx.principal.tenantId,
    contacts,
    cipher: ctx.contactCipher,
    nowMs: nowOf(ctx).getTime(),
    retentionDays: ctx.contactRetentionDays ?? DEFAULT_CONTACT_RETENTION_DAYS
  });
}

/** skip-invalid commits every this many rows, so other writers get the database in between. */
export const CHUNK_ROWS = 10_000;

/**
 * On a libSQL server a chunk is also committed once its transaction is this old: sqld rolls back a write
 * transaction that has held the lock for 5 s while another writer waits (and this import's own heartbeat is
 * such a writer), so no import transaction may live that long.
 */
export const MAX_SERVER_TX_MS = 1000;

export type Position = { line?: number; index?: number };

export type ImportRunOptions = {
  importId: string;
  mode: ImportMode;
  format: 'csv' | 'json';
  defaultSource: string;
  maps: CodeMaps;
};

/**
 * One bulk import from start to end: validates rows as they come, writes them in multi-row batches
 * through a raw libsql write transaction, keeps the counts and the first errors, and records the run
 * (imports row + audit row) in the transaction that ends it.
 *
 * all-or-nothing: one transaction for the whole import; the first bad row stops the writing (rows are
 *   still validated, to report every error) and the end rolls everything back.
 *   On a libSQL server a long transaction is not possible (MAX_SERVER_TX_MS), so a CSV import runs twice:
 *   `checkOnly()` first (every row validated, nothing written), then, if no row is bad, `writeChecked()`
 *   and the same rows again, committed in chunks like skip-invalid.
 * skip-invalid: bad rows are left out; a transaction per CHUNK_ROWS rows; the imports row shows the
 *   progress of every committed chunk. If the upload breaks, committed chunks stay (re-import is idempotent).
 *
 * On a libSQL server the run also writes a heartbeat with its progress (heartbeat.ts), and every chunk
 * transaction ends after MAX_SERVER_TX_MS.
 */
export class ImportRun {
  readonly counts: ImportCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, invalid: 0 };
  readonly errors: RowError[] = [];
  errorCount = 0;
  bytesRead = 0;
  private batch: ResolvedCall[] = [];
  private batchPos: Position[] = [];
  private tx: Transaction | null = null;
  private rowsInTx = 0;
  private maxId = 0;
  private txOpenedAt = 0;
  /** Counts of the rows committed so far (what stays stored if the run stops). */
  private committed = { inserted: 0, updated: 0, unchanged: 0 };
  /** Validating only (first pass of an all-or-nothing import on a server): nothing is written. */
  private checking = false;
  /** Every row was validated by a first pass: an all-or-nothing import may commit in chunks. */
  private checked = false;
  private readonly server: boolean;
  private heartbeat: { stop: () => Promise<void> } | null = null;
  private readonly started: number;
  private readonly t0 = performance.now();

  constructor(
    private readonly ctx: Ctx,
    private readonly opts: ImportRunOptions
  ) {
    this.started = nowOf(ctx).getTime();
    this.server = !isEmbedded(ctx.db);
  }

  /** Whether this run is on a libSQL server (chunked transactions, heartbeat) rather than an embedded file. */
  get onServer() {
    return this.server;
  }

  get id() {
    return this.opts.importId;
  }

  /** Records the run as `running`, so pollers find it from the first byte on. */
  async start() {
    const p = this.ctx.principal;
    await this.ctx.db.insert(schema.imports).values({
      id: this.opts.importId,
      tenantId: p.tenantId,
      kind: 'calls',
      format: this.opts.format,
      mode: this.opts.mode,
      source: this.opts.defaultSource,
      status: 'running',
      errors: [],
      actor: p.label,
      actorUserId: p.userId ?? null,
      startedAt: new Date(this.started),
      holder: PROCESS_ID,
      heartbeatAt: new Date()
    });
    this.publish();
    if (this.server)
      this.heartbeat = startHeartbeat(this.ctx.db, this.opts.importId, () => ({
        bytesRead: this.bytesRead,
        // While checking, nothing is committed and the counts are rows checked: safe to show, and the sweep
        // reads an all-or-nothing import's committed rows from inserted/updated/unchanged, which stay 0.
        // Otherwise the counts in the row are those of the last committed chunk (written with it).
        ...(this.checking ? { counts: { rowsProcessed: this.counts.rows, invalid: this.counts.invalid, errorCount: this.errorCount } } : {})
      }));
  }

  /** First pass of a two-pass all-or-nothing import: rows are validated and counted, nothing is written. */
  checkOnly() {
    if (this.opts.mode !== 'all-or-nothing') throw new Error('checkOnly is for all-or-nothing imports');
    this.checking = true;
  }

  /**
   * Second pass, after a first one found no bad row: counts start again from zero (the progress runs a
   * second time, now for rows written) and the rows are committed in chunks.
   */
  writeChecked() {
    if (!this.checking || this.rejected) throw new Error('writeChecked follows a clean checkOnly pass');
    this.checking = false;
    this.checked = true;
    Object.assign(this.counts, { rows: 0, inserted: 0, updated: 0, unchanged: 0, invalid: 0 });
    this.bytesRead = 0;
    this.publish();
  }

  /** Adds one record; true when a batch is full and `flush()` should run before the next. */
  add(raw: unknown, pos: Position): boolean {
    this.counts.rows++;
    const v = validateRecord(
      raw,
      this.opts.maps,
      this.ctx.principal.tenantId,
      this.opts.defaultSource,
      this.started,
      this.opts.format === 'csv'
    );
    if (Array.isArray(v)) {
      this.rowInvalid(pos, v);
      return false;
    }
    if (v.contact && !this.ctx.contactCipher) {
      this.rowInvalid(pos, [{ column: NO_KEY.column, reason: NO_KEY.reason }]);
      return false;
    }
    if (this.opts.mode === 'all-or-nothing' && this.counts.invalid > 0) return false;
    this.batch.push(v);
    this.batchPos.push(pos);
    return this.batch.length >= BATCH_ROWS;
  }

  /** A row that could not even be read as a record (wrong number of fields…). */
  rowInvalid(pos: Position, errors: { column: string; reason: string }[]) {
    this.counts.invalid++;
    for (const e of errors) {
      this.errorCount++;
      if (this.errors.length < MAX_REPORTED_ERRORS)
        this.errors.push({ ...pos, column: clip(e.column, MAX_COLUMN_CHARS), reason: clip(e.reason, MAX_REASON_CHARS) });
    }
    // all-or-nothing: nothing will be stored, so stop writing now.
    if (this.opts.mode === 'all-or-nothing') {
      this.batch = [];
      this.batchPos = [];
    }
  }

  private get rejected() {
    return this.opts.mode === 'all-or-nothing' && this.counts.invalid > 0;
  }

  private get chunked() {
    return this.opts.mode === 'skip-invalid' || this.checked;
  }

  async flush() {
    if (this.batch.length === 0 || this.rejected) return;
    if (this.checking) return this.checkBatch();
    const tx = await this.openTx();
    let rows = this.batch;
    if (!this.opts.maps.unrestricted) {
      const foreign = await foreignExistingCalls(tx, this.ctx.principal.tenantId, rows, this.opts.maps.allowedProgramIds);
      if (foreign.size) {
        const pos = this.batchPos;
        for (const i of foreign) {
          this.rowInvalid(pos[i]!, [
            { column: 'external_id', reason: 'a call with this source and external_id belongs to a program you may not import into' }
          ]);
        }
        if (this.rejected) return;
        rows = rows.filter((_, i) => !foreign.has(i));
      }
    }
    const r = await upsertCalls(tx, rows, nowOf(this.ctx).getTime(), this.maxId);
    this.maxId = r.maxId;
    await writeContacts(this.ctx, tx, rows);
    this.counts.inserted += r.inserted;
    this.counts.updated += r.updated;
    this.counts.unchanged += r.unchanged;
    this.rowsInTx += rows.length;
    this.batch = [];
    this.batchPos = [];
    if (this.chunked && (this.rowsInTx >= CHUNK_ROWS || (this.server && performance.now() - this.txOpenedAt >= MAX_SERVER_TX_MS))) {
      await this.commitChunk();
    }
    this.publish();
  }

  /** Commits the open chunk with the imports row (its counts are then exactly the committed rows). */
  private async commitChunk() {
    const tx = this.tx;
    if (!tx) return;
    await this.saveRow(drizzleOver(tx), 'running');
    await tx.commit();
    this.committed = { inserted: this.counts.inserted, updated: this.counts.updated, unchanged: this.counts.unchanged };
    this.closeTx();
  }

  /**
   * On a libSQL server, before waiting for more input that is slow to come (a slow upload): commit the open
   * chunk rather than hold the write lock while waiting. No-op on a file or for a one-transaction import.
   */
  async commitWhileWaiting() {
    if (!this.server || !this.chunked || !this.tx) return;
    await this.flush();
    await this.commitChunk();
    this.publish();
  }

  /** The checking pass: the foreign-program rule needs the database, read outside any write transaction. */
  private async checkBatch() {
    const rows = this.batch;
    const pos = this.batchPos;
    this.batch = [];
    this.batchPos = [];
    if (this.opts.maps.unrestricted) return;
    const reader = this.ctx.db.$client as unknown as Transaction; // foreignExistingCalls only calls execute (a SELECT)
    const foreign = await foreignExistingCalls(reader, this.ctx.principal.tenantId, rows, this.opts.maps.allowedProgramIds);
    for (const i of foreign) {
      this.rowInvalid(pos[i]!, [
        { column: 'external_id', reason: 'a call with this source and external_id belongs to a program you may not import into' }
      ]);
    }
  }

  /** Ends the run: commits (with the imports row and the audit row) or, when rejected, rolls back. */
  async finish(): Promise<ImportSummary> {
    if (this.checking && !this.rejected) throw new Error('finish after a clean checkOnly pass: call writeChecked and write the rows first');
    try {
      await this.flush();
      if (this.rejected) {
        this.closeTx(); // rollback
        await this.stopHeartbeat();
        Object.assign(this.counts, this.committed);
        // Only a row that turned foreign between the two passes (another import meanwhile) gets here with chunks committed.
        const kept = this.keptRows();
        const stored = kept ? `${kept} rows checked before were committed and stay stored` : 'nothing was imported';
        const message = `${this.counts.invalid} of ${this.counts.rows} rows are invalid; ${stored} (all-or-nothing)${unlistedErrorsNote(this.errors.length, this.errorCount)}`;
        await this.record('rejected', message);
        return this.summary('rejected', message);
      }
      // The heartbeat stops in `finally`, after this commit: waiting for a beat while holding the write
      // lock would wait for a write that waits for us. A late beat changes nothing (status is no longer running).
      const tx = await this.openTx();
      const db = drizzleOver(tx);
      const note = unlistedErrorsNote(this.errors.length, this.errorCount);
      const message = note ? `${this.counts.invalid} of ${this.counts.rows} rows were skipped${note}` : undefined;
      await this.saveRow(db, 'completed', message);
      await this.audit(db, 'completed');
      await tx.commit();
      return this.summary('completed', message);
    } finally {
      this.closeTx();
      await this.stopHeartbeat();
      endProgress(this.opts.importId);
    }
  }

  private async stopHeartbeat() {
    const h = this.heartbeat;
    this.heartbeat = null;
    await h?.stop();
  }

  /** The import stopped midway (unreadable CSV, broken upload…): roll back what is not committed, record why. */
  async fail(message: string): Promise<ImportSummary> {
    this.closeTx();
    // What stays stored: the committed chunks (none for a one-transaction all-or-nothing import).
    Object.assign(this.counts, this.committed);
    const kept = this.keptRows();
    const said =
      this.checked && kept > 0
        ? `${message}. ${kept} rows (all checked valid) were committed before the stop and stay stored; importing the file again completes it`
        : message;
    try {
      await this.stopHeartbeat();
      await this.record('failed', said);
    } finally {
      endProgress(this.opts.importId);
    }
    return this.summary('failed', said);
  }

  private keptRows() {
    return this.committed.inserted + this.committed.updated + this.committed.unchanged;
  }

  private async openTx(): Promise<Transaction> {
    if (!this.tx) {
      this.tx = await this.ctx.db.$client.transaction('write');
      this.txOpenedAt = performance.now();
      this.rowsInTx = 0;
      this.maxId = await currentMaxCallId(this.tx);
    }
    return this.tx;
  }

  private closeTx() {
    // close() rolls back whatever was not committed.
    this.tx?.close();
    this.tx = null;
  }

  /** Final state of a run that stored nothing more: its own small transaction. */
  private async record(status: ImportStatus, message: string) {
    const tx = await this.ctx.db.$client.transaction('write');
    try {
      const db = drizzleOver(tx);
      await this.saveRow(db, status, message);
      await this.audit(db, status);
      await tx.commit();
    } finally {
      tx.close();
    }
  }

  /**
   * Writes the imports row, only while it is still `running`: if another process has meanwhile marked this
   * import interrupted (its heartbeat looked stale), the run stops here instead of reviving it.
   */
  private async saveRow(db: ReturnType<typeof drizzleOver>, status: ImportStatus, message?: string) {
    const c = this.counts;
    const saved = await db
      .update(schema.imports)
      .set({
        status,
        rowsProcessed: c.rows,
        inserted: c.inserted,
        updated: c.updated,
        unchanged: c.unchanged,
        invalid: c.invalid,
        errorCount: this.errorCount,
        errors: this.errors,
        message: message ? clip(message, 1000) : null,
        bytesRead: this.bytesRead || null,
        finishedAt: status === 'running' ? null : nowOf(this.ctx),
        heartbeatAt: new Date()
      })
      .where(and(eq(schema.imports.id, this.opts.importId), eq(schema.imports.status, 'running')))
      .returning({ id: schema.imports.id });
    if (saved.length === 0) {
      this.closeTx();
      await this.stopHeartbeat();
      endProgress(this.opts.importId);
      throw conflict(
        `Import ${this.opts.importId} was marked interrupted by another server process (no heartbeat within the stale limit) and stopped; its record says what was stored. Importing the file again is safe.`
      );
    }
  }

  private async audit(db: ReturnType<typeof drizzleOver>, status: ImportStatus) {
    await writeAudit(
      db,
      { principal: this.ctx.principal, requestId: this.ctx.requestId },
      {
        action: 'calls.import',
        objectType: 'import',
        objectId: this.opts.importId,
        after: {
          status,
          format: this.opts.format,
          mode: this.opts.mode,
          source: this.opts.defaultSource,
          ...this.counts,
          errorCount: this.errorCount
        }
      },
      nowOf(this.ctx)
    );
  }

  publish() {
    publishProgress(this.opts.importId, { ...this.counts, errorCount: this.errorCount, bytesRead: this.bytesRead, updatedAt: Date.now() });
  }

  private summary(status: ImportStatus, message?: string): ImportSummary {
    return {
      importId: this.opts.importId,
      status,
      mode: this.opts.mode,
      source: this.opts.defaultSource,
      ...this.counts,
      errorCount: this.errorCount,
      errors: this.errors,
      ...(message ? { message } : {}),
      ...(this.bytesRead ? { bytesRead: this.bytesRead } : {}),
      durationMs: Math.round(performance.now() - this.t0)
    };
  }
}
