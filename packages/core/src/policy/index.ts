export * from './principal.ts';
export * from './calls.ts';
