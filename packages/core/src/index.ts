export * from './errors.ts';
export * from './context.ts';
export * from './policy/index.ts';
export * from './audit/index.ts';
