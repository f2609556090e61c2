import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process among all that share the database: host, pid and a random part (a pid is reused after a
 * restart, and containers all have pid 1). Written as the holder of leases and of running imports.
 */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
