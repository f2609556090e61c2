export * from './load-principal.ts';
export * from './sign-in-throttle.ts';
export * from './instance-secret.ts';
export * from './describe-me.ts';
export * from './api-tokens.ts';
export * from './scoped.ts';
export * from './roles.ts';
export * from './accounts.ts';
