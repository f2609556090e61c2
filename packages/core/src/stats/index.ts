export * from './distributions.ts';
export * from './intervals.ts';
export * from './quantile.ts';
export * from './nps.ts';
