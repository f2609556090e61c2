export * from './distributions.ts';
export * from './intervals.ts';
export * from './quantile.ts';
export * from './nps.ts';
export * from './agreement.ts';
export * from './agreement-bands.ts';
export * from './agreement-bootstrap.ts';
