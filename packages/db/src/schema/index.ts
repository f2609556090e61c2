export * from './org.ts';
export * from './calls.ts';
export * from './audit.ts';
