export * from './types.ts';
export {
  CallRecord,
  CALL_RECORD_COLUMNS,
  REQUIRED_COLUMNS,
  looksLikePhoneNumber,
  recordingPathProblem,
  type CallRecordInput
} from './row-schema.ts';
export { importCallsCsv, type CsvImportInput } from './import-calls-csv.ts';
export { importCallsBatch, MAX_BATCH_RECORDS } from './import-calls-batch.ts';
export { upsertCallRecord, type UpsertOutcome } from './upsert-call-record.ts';
export { getImport, type ImportView } from './get-import.ts';
export { listImports } from './list-imports.ts';
export { CALL_IMPORT_TEMPLATE } from './template.ts';
export { requireImporter } from './check-import-start.ts';
export { sweepInterruptedImports, interruptedMessage } from './sweep-interrupted.ts';
export { startInterruptedImportSweep } from './sweep-job.ts';
