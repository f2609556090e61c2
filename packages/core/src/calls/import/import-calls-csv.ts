import { randomUUID } from 'node:crypto';
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
 * Imports call records from a CSV stream: header check, then row by row through ImportRun. Memory
 * stays bounded: the next chunk of the body is read only after the rows of the previous one are
 * written, so a slow database slows the upload instead of filling memory.
 */
export async function importCallsCsv({ ctx, input }: { ctx: Ctx; input: CsvImportInput }): Promise<ImportSummary> {
  const importId = input.importId ?? randomUUID();
  const decoder = decoderFor(input.charset);
  const utf8 = decoder ? null : new Utf8Check();
  await checkImportStart(ctx, { importId, source: input.source });
  return withImportLock(async () => {
    const maps = await loadCodeMaps(ctx.db, ctx.principal);
    const run = new ImportRun(ctx, { importId, mode: input.mode, format: 'csv', defaultSource: input.source, maps });
    await run.start();

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

    const reader = input.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        run.bytesRead += value.byteLength;
        if (input.maxBytes !== undefined && run.bytesRead > input.maxBytes) {
          await run.fail(`The file is larger than ${input.maxBytes} bytes`);
          throw invalid(`The file is larger than the limit of ${input.maxBytes} bytes; split it`);
        }
        const bad = utf8?.push(value);
        if (bad) await refuseNotUtf8(bad);
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
      return await run.finish();
    } catch (e) {
      reader.cancel().catch(() => undefined);
      if (e instanceof DomainError) throw e;
      // A broken upload or a database failure: record it, then let the caller see the error.
      await run.fail(`The import stopped: ${(e as Error).message}`).catch(() => undefined);
      throw e;
    }
  });
}
