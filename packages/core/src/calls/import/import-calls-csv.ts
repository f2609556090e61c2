import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Parser } from 'csv-parse';
import type { Ctx } from '../../context.ts';
import { DomainError, invalid } from '../../errors.ts';
import { loadCodeMaps } from './code-maps.ts';
import { embeddedLineBreaks, readCsvHeader } from './csv-header.ts';
import { ImportRun } from './import-run.ts';
import { withImportLock } from './import-lock.ts';
import { checkImportStart } from './check-import-start.ts';
import type { ImportMode, ImportSummary } from './types.ts';
import { Utf8Check, notUtf8Message } from './utf8-check.ts';

export type CsvImportInput = {
  /** The CSV bytes as they arrive (the request body); never read whole into memory. */
  body: ReadableStream<Uint8Array>;
  mode: ImportMode;
  /** Source of rows without a `source` cell. */
  source: string;
  /** Chosen by the uploader to poll progress while uploading; a new UUID otherwise. */
  importId?: string;
  /** Refuse bodies larger than this many bytes (checked while streaming). */
  maxBytes?: number;
  /** The charset the sender declared (Content-Type); UTF-8 when absent, and then checked strictly. */
  charset?: string;
};

/** A decoder for a declared charset other than UTF-8, or null for UTF-8; refuses a charset nobody knows. */
function decoderFor(charset: string | undefined): TextDecoder | null {
  if (!charset) return null;
  let d: TextDecoder;
  try {
    d = new TextDecoder(charset.trim());
  } catch {
    throw invalid(
      `Unknown charset "${charset.slice(0, 40)}" in the Content-Type: send UTF-8, or name the file's encoding (e.g. windows-1252, iso-8859-1)`
    );
  }
  return d.encoding === 'utf-8' ? null : d;
}

/** Longest CSV record (one row, all its fields): longer ones are almost always a quote never closed. */
export const MAX_RECORD_BYTES = 1 << 20;

/** csv-parse's reason, in words that say which limit was hit. */
function csvProblem(e: Error): string {
  if ((e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
    return `a record (one row) is longer than ${MAX_RECORD_BYTES} bytes, the limit per record (the file as a whole may be up to 2 GiB). A record that long usually means a quote (") that is never closed`;
  }
  return e.message;
}

/** A record of one CSV line: a web ReadableStream feeds csv-parse's Node parser by hand, one chunk at a time. */
type Pending = { cells: string[]; line: number };

/**
 * On a libSQL server, how long a skip-invalid import waits for the next piece of the upload while holding a
 * chunk transaction before it commits the chunk (see ImportRun.commitWhileWaiting).
 */
const SLOW_READ_MS = 200;

/**
 * Imports call records from a CSV stream: header check, then row by row through ImportRun. Memory
 * stays bounded: the next chunk of the body is read only after the rows of the previous one are
 * written, so a slow database slows the upload instead of filling memory.
 *
 * An all-or-nothing import on a libSQL server cannot be one long transaction (see MAX_SERVER_TX_MS in
 * import-run.ts), so there it reads the upload twice: the first pass validates every row without writing and
 * keeps the bytes in a temporary file; if no row is bad, the second pass reads that file and writes in
 * chunks. On an embedded file it stays one pass and one transaction.
 */
export async function importCallsCsv({ ctx, input }: { ctx: Ctx; input: CsvImportInput }): Promise<ImportSummary> {
  const importId = input.importId ?? randomUUID();
  decoderFor(input.charset); // an unknown charset is refused before anything is recorded
  await checkImportStart(ctx, { importId, source: input.source });
  return withImportLock(async () => {
    const maps = await loadCodeMaps(ctx.db, ctx.principal);
    const run = new ImportRun(ctx, { importId, mode: input.mode, format: 'csv', defaultSource: input.source, maps });
    await run.start();
    if (!(run.onServer && input.mode === 'all-or-nothing')) return (await readCsv(run, input.body, input))!;

    const dir = await mkdtemp(join(tmpdir(), 'attentive-import-'));
    try {
      const spoolPath = join(dir, 'upload.csv');
      const spool = createWriteStream(spoolPath);
      run.checkOnly();
      let checked: ImportSummary | null;
      try {
        checked = await readCsv(run, input.body, input, spool);
      } finally {
        await new Promise<void>((resolve) => spool.end(resolve));
      }
      if (checked) return checked; // rejected: nothing was written
      run.writeChecked();
      const again = Readable.toWeb(createReadStream(spoolPath)) as ReadableStream<Uint8Array>;
      return (await readCsv(run, again, input))!;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** Resolves when `out` can take more (write with back-pressure), or rejects on a write error. */
function spoolWrite(out: WriteStream, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (e) => (e ? reject(e) : resolve()));
  });
}

/**
 * One pass over the CSV bytes through `run`. Ends the run (its summary) — except the checking pass of a
 * two-pass import (`spool` given), which keeps a copy of the bytes and returns null when every row is valid.
 */
async function readCsv(
  run: ImportRun,
  body: ReadableStream<Uint8Array>,
  input: CsvImportInput,
  spool?: WriteStream
): Promise<ImportSummary | null> {
  const decoder = decoderFor(input.charset);
  const utf8 = decoder ? null : new Utf8Check();
  const parser = new Parser({ bom: true, relax_column_count: true, max_record_size: MAX_RECORD_BYTES });
  const pending: Pending[] = [];
  let nextLine = 1;
  let parseError: Error | null = null;
  parser.on('data', (cells: string[]) => {
    pending.push({ cells, line: nextLine });
    nextLine += 1 + embeddedLineBreaks(cells);
  });
  parser.on('error', (e) => (parseError = e));
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
  });

  let columns: string[] | null = null;
  const drain = async () => {
    while (pending.length) {
      const { cells, line } = pending.shift()!;
      if (!columns) {
        const h = readCsvHeader(cells, !!input.source);
        if ('problems' in h) {
          await run.fail(`The header line is not usable: ${h.problems.map((p) => p.message).join('; ')}`);
          throw invalid(`The CSV header is not usable: ${h.problems.map((p) => p.message).join('; ')}`, h.problems);
        }
        columns = h.columns;
        continue;
      }
      if (cells.length === 1 && cells[0]!.trim() === '') continue; // blank line
      if (cells.length !== columns.length) {
        run.counts.rows++;
        run.rowInvalid({ line }, [
          { column: '(row)', reason: `expected ${columns.length} fields as in the header, found ${cells.length}` }
        ]);
        continue;
      }
      const record: Record<string, string> = {};
      for (let i = 0; i < columns.length; i++) record[columns[i]!] = cells[i]!;
      if (run.add(record, { line })) await run.flush();
    }
  };

  const refuseNotUtf8 = async (at: { line: number; byte: number }) => {
    const message = notUtf8Message(at);
    await run.fail(message);
    throw invalid(message, [{ line: at.line, message: 'not valid UTF-8' }]);
  };

  /** The next piece of the body; on a server, a chunk transaction is committed instead of held while it is slow to come. */
  const read = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
    const next = reader.read();
    if (!run.onServer) return next;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slow = await Promise.race([
      next.then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), SLOW_READ_MS)))
    ]);
    clearTimeout(timer);
    if (slow) await run.commitWhileWaiting();
    return next;
  };

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await read(reader);
      if (done) break;
      run.bytesRead += value.byteLength;
      if (input.maxBytes !== undefined && run.bytesRead > input.maxBytes) {
        await run.fail(`The file is larger than ${input.maxBytes} bytes`);
        throw invalid(`The file is larger than the limit of ${input.maxBytes} bytes; split it`);
      }
      const bad = utf8?.push(value);
      if (bad) await refuseNotUtf8(bad);
      if (spool) await spoolWrite(spool, value);
      parser.write(decoder ? decoder.decode(value, { stream: true }) : value);
      if (parseError) break;
      await drain();
      run.publish();
    }
    const badEnd = utf8?.end();
    if (badEnd) await refuseNotUtf8(badEnd);
    if (!parseError) {
      if (decoder) parser.write(decoder.decode());
      parser.end();
    }
    await ended;
    if (parseError) {
      const reason = csvProblem(parseError);
      const message = `The CSV cannot be read from line ${nextLine} on: ${reason}`;
      await drain().catch(() => undefined);
      await run.fail(message);
      throw invalid(message, [{ line: nextLine, message: reason }]);
    }
    await drain();
    if (!columns) {
      await run.fail('The file is empty (no header line)');
      throw invalid('The file is empty: expected a header line and rows');
    }
    if (spool) {
      await run.flush(); // the last rows' checks
      if (run.counts.invalid === 0) return null;
    }
    return await run.finish();
  } catch (e) {
    reader.cancel().catch(() => undefined);
    if (e instanceof DomainError) throw e;
    // A broken upload or a database failure: record it, then let the caller see the error.
    await run.fail(`The import stopped: ${(e as Error).message}`).catch(() => undefined);
    throw e;
  }
}
