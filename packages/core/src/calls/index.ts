export * from './cursor.ts';
export * from './list-calls.ts';
export * from './get-call.ts';
export * from './get-call-recording.ts';
export * from './call-filter-options.ts';
export * from './recording-path.ts';
export * from './day-start.ts';
