import type { Db } from '@attentive/db';
import type { Principal } from './policy/principal.ts';
import type { ContactCipher } from './surveys/contact-cipher.ts';

/** What every verb receives besides its input: the database, who asks, and the request it serves. */
export type Ctx = {
  db: Db;
  principal: Principal;
  requestId?: string;
  /** Injected so tests can pin time; defaults to the wall clock. */
  now?: () => Date;
  /** Seals and opens customer contact details (CONTACT_DATA_KEY); absent when the server has no key. */
  contactCipher?: ContactCipher;
  /** Days contact details are kept after the last call that brought them (CONTACT_RETENTION_DAYS; default 90). */
  contactRetentionDays?: number;
};

export const nowOf = (ctx: Pick<Ctx, 'now'>) => (ctx.now ? ctx.now() : new Date());
