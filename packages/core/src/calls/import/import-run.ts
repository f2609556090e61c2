import type { Transaction } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../../context.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import type { CodeMaps } from './code-maps.ts';
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
 * skip-invalid: bad rows are left out; a transaction per CHUNK_ROWS rows; the imports row shows the
 *   progress of every committed chunk. If the upload breaks, committed chunks stay (re-import is idempotent).
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
  private readonly started: number;
  private readonly t0 = performance.now();

  constructor(
    private readonly ctx: Ctx,
    private readonly opts: ImportRunOptions
  ) {
    this.started = nowOf(ctx).getTime();
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
      startedAt: new Date(this.started)
    });
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

  async flush() {
    if (this.batch.length === 0 || this.rejected) return;
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
    if (this.opts.mode === 'skip-invalid' && this.rowsInTx >= CHUNK_ROWS) {
      await this.saveRow(drizzleOver(tx), 'running');
      await tx.commit();
      this.closeTx();
    }
    this.publish();
  }

  /** Ends the run: commits (with the imports row and the audit row) or, when rejected, rolls back. */
  async finish(): Promise<ImportSummary> {
    try {
      await this.flush();
      if (this.rejected) {
        this.closeTx(); // rollback
        this.counts.inserted = this.counts.updated = this.counts.unchanged = 0;
        const message = `${this.counts.invalid} of ${this.counts.rows} rows are invalid; nothing was imported (all-or-nothing)${unlistedErrorsNote(this.errors.length, this.errorCount)}`;
        await this.record('rejected', message);
        return this.summary('rejected', message);
      }
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
      endProgress(this.opts.importId);
    }
  }

  /** The import stopped midway (unreadable CSV, broken upload…): roll back what is not committed, record why. */
  async fail(message: string): Promise<ImportSummary> {
    this.closeTx();
    if (this.opts.mode === 'all-or-nothing') this.counts.inserted = this.counts.updated = this.counts.unchanged = 0;
    try {
      await this.record('failed', message);
    } finally {
      endProgress(this.opts.importId);
    }
    return this.summary('failed', message);
  }

  private async openTx(): Promise<Transaction> {
    if (!this.tx) {
      this.tx = await this.ctx.db.$client.transaction('write');
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

  private async saveRow(db: ReturnType<typeof drizzleOver>, status: ImportStatus, message?: string) {
    const c = this.counts;
    await db
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
        finishedAt: status === 'running' ? null : nowOf(this.ctx)
      })
      .where(eq(schema.imports.id, this.opts.importId));
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
