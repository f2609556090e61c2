import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Auth } from './create-auth.ts';

/** What reading a session cookie needs from a better-auth instance: its cookie names, secret and session timing. */
export type SessionCookieKeys = {
  tokenName: string;
  /** better-auth's other session cookies; a request carrying one is left to better-auth (it clears or honours them). */
  otherNames: string[];
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
};

const keysOf = new WeakMap<Auth, Promise<SessionCookieKeys>>();

/** Taken from the instance itself, so the names and the secret are exactly the ones better-auth signs with. */
export function sessionCookieKeys(auth: Auth): Promise<SessionCookieKeys> {
  let keys = keysOf.get(auth);
  if (!keys) {
    keys = auth.$context.then((c) => ({
      tokenName: c.authCookies.sessionToken.name,
      otherNames: [c.authCookies.sessionData.name, c.authCookies.dontRememberToken.name],
      secret: c.secret,
      expiresInMs: c.sessionConfig.expiresIn * 1000,
      updateAgeMs: c.sessionConfig.updateAge * 1000
    }));
    keysOf.set(auth, keys);
  }
  return keys;
}

/** Cookie values by name, the first of each name winning and values URI-decoded, as better-call reads them. */
export function parseCookieHeader(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent, like better-call's tryDecode
    }
    cookies.set(name, value);
  }
  return cookies;
}

/**
 * The session token of a signed cookie value when the signature is ours, else null. better-call signs a cookie as
 * `${token}.${base64(HMAC-SHA256(secret, token))}` (crypto.mjs, signCookieValue); this checks it the same way,
 * synchronously with node:crypto (better-call imports a WebCrypto key and awaits a verify on every request).
 */
export function verifiedToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'));
  const sent = Buffer.from(signature);
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? token : null;
}
