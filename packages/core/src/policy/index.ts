export * from './principal.ts';
export * from './calls.ts';
export * from './evaluations.ts';
export * from './admin.ts';
export * from './scorecards.ts';
export * from './sampling.ts';
export * from './call-imports.ts';
export * from './coaching.ts';
