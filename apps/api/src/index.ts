export { createApp, type ApiApp } from './app.ts';
export { loadEnv, EnvError, type Env } from './env.ts';
export type { AppDeps } from './context.ts';
export { openDatabase } from './open-database.ts';
export { PERMISSIONS_POLICY, HSTS } from './middleware/security-headers.ts';
export { CLIENT_ADDRESS_HEADER } from './middleware/public-rate-limit.ts';
