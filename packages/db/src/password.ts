import { hash, verify } from '@node-rs/argon2';

/**
 * The one password hashing of the product: argon2id with OWASP's recommended minimum
 * (19 MiB memory, 2 iterations, 1 lane). Stored as a PHC string, so parameters can be raised
 * later without invalidating existing hashes.
 */
// 2 is Algorithm.Argon2id (a const enum, which isolatedModules cannot import).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    // A malformed stored hash never lets anyone in.
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
