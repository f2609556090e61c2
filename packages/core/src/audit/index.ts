export * from './write-audit.ts';
export * from './verify-chain.ts';
