import { contactCipher, type ContactCipher } from '@attentive/core';
import type { Env } from './env.ts';

const cache = new Map<string, ContactCipher>();

/** The cipher of customer contact details for this environment's CONTACT_DATA_KEY (undefined when unset). */
export function contactCipherOf(env: Pick<Env, 'CONTACT_DATA_KEY'>): ContactCipher | undefined {
  const key = env.CONTACT_DATA_KEY;
  if (!key) return undefined;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = contactCipher(key)));
  return c;
}
