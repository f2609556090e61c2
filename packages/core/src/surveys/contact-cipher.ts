import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Customer contact details (phone numbers, e-mail addresses) at rest: AES-256-GCM with a 32-byte key from the
 * environment (CONTACT_DATA_KEY, base64 or hex), a fresh 12-byte IV per value. Stored as
 * "v1.<iv>.<tag>.<ciphertext>" in base64url, so a future key rotation can tell old values by their prefix.
 * The key never enters the database: a copy of the database file alone reveals no contact detail.
 */
export type ContactCipher = { encrypt(plain: string): string; decrypt(sealed: string): string };

export function parseContactKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('CONTACT_DATA_KEY must be 32 bytes, written as 64 hex digits or in base64');
  return key;
}

export function contactCipher(keyText: string): ContactCipher {
  const key = parseContactKey(keyText);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed contact value');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
    }
  };
}

/** A new random key, base64 (what `pnpm start` writes to data/contact-data.key when none is configured). */
export const newContactKey = () => randomBytes(32).toString('base64');
