export * from './distributions.ts';
export * from './intervals.ts';
