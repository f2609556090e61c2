import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { contactCipher } from '@attentive/core';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { TEST_CONTACT_KEY } from './support/callback-items.ts';

/**
 * Customer contact details at import (issue 14): optional customer_phone / customer_email /
 * customer_language columns are checked, sealed into customer_contacts by the call's customer_ref (never on
 * the call row, never quoted in an error), the newest call updates them and extends their retention, and an
 * import without them works as before. Without a contact key they are refused, not stored in clear.
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let keyless: ReturnType<typeof createApp>;
let org: FixtureOrg;
let headers: Record<string, string>;
const NOW = new Date('2026-11-10T12:00:00Z');
const DAY = 86_400_000;
const cipher = contactCipher(TEST_CONTACT_KEY);

const HEADER =
  'source,external_id,program_code,agent_code,direction,started_at,talk_seconds,customer_ref,customer_phone,customer_email,customer_language';
const row = (id: string, o: { at?: string; ref?: string; phone?: string; email?: string; lang?: string } = {}) =>
  `pbx,${id},${org.programs.a.code},${org.agents.a1.code},inbound,${o.at ?? '2026-11-05T08:30:00Z'},240,${o.ref ?? ''},${o.phone ?? ''},${o.email ?? ''},${o.lang ?? ''}`;

async function upload(csv: string[], mode = 'skip-invalid', to = app) {
  const res = await to.request(`/api/calls/import?mode=${mode}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: [HEADER, ...csv].join('\n') + '\n'
  });
  return { status: res.status, body: (await res.json()) as any };
}
const contactOf = async (ref: string) =>
  (await t.db.select().from(schema.customerContacts).where(eq(schema.customerContacts.customerRef, ref)))[0];

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({
    db: t.db,
    env: loadEnv({ NODE_ENV: 'test', CONTACT_DATA_KEY: TEST_CONTACT_KEY, CONTACT_RETENTION_DAYS: '30' }),
    now: () => NOW
  });
  keyless = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 0 });
  headers = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] })).headers;
});
afterAll(() => t.cleanup());

describe('contact details at import', () => {
  it('seals phone and e-mail into customer_contacts by the customer ref: ciphertext, not the call row, decrypts back', async () => {
    const r = await upload([row('k1', { ref: 'cust-1', phone: '+31 6 1234 5678', email: 'jan@example.test', lang: 'NL' }), row('k2')]);
    expect(r.body).toMatchObject({ status: 'completed', inserted: 2, invalid: 0 });
    const c = (await contactOf('cust-1'))!;
    expect(c.phoneCipher).not.toContain('1234');
    expect(c.emailCipher).not.toContain('jan');
    expect(cipher.decrypt(c.phoneCipher!)).toBe('+31612345678');
    expect(cipher.decrypt(c.emailCipher!)).toBe('jan@example.test');
    expect(c).toMatchObject({ language: 'nl', optedOutAt: null, erasedAt: null, eraseAfter: new Date(NOW.getTime() + 30 * DAY) });
    const calls = await t.db.$client.execute("SELECT * FROM calls WHERE external_id IN ('k1', 'k2')");
    expect(JSON.stringify(calls.rows)).not.toMatch(/1234|jan@/);
    expect(await contactOf('')).toBeUndefined(); // the row without details made no contact
  });

  it('a newer call updates the details and extends retention; an older one does not overwrite them; an opt-out stays', async () => {
    await t.db.update(schema.customerContacts).set({ optedOutAt: NOW }).where(eq(schema.customerContacts.customerRef, 'cust-1'));
    await upload([row('k3', { ref: 'cust-1', at: '2026-11-01T08:00:00Z', phone: '+32 470 12 34 56' })]);
    expect(cipher.decrypt((await contactOf('cust-1'))!.phoneCipher!)).toBe('+31612345678');
    const later = new Date(NOW.getTime() + 5 * DAY);
    const app2 = createApp({
      db: t.db,
      env: loadEnv({ NODE_ENV: 'test', CONTACT_DATA_KEY: TEST_CONTACT_KEY, CONTACT_RETENTION_DAYS: '30' }),
      now: () => later
    });
    await upload([row('k4', { ref: 'cust-1', at: '2026-11-12T08:00:00Z', phone: '+32 470 12 34 56' })], 'skip-invalid', app2);
    const c = (await contactOf('cust-1'))!;
    expect(cipher.decrypt(c.phoneCipher!)).toBe('+32470123456');
    expect(cipher.decrypt(c.emailCipher!)).toBe('jan@example.test'); // not sent again: kept
    expect(c.eraseAfter).toEqual(new Date(later.getTime() + 30 * DAY));
    expect(c.optedOutAt).toEqual(NOW);
  });

  it('bad contact details are row errors naming line and column, never quoting the value; details need a customer ref', async () => {
    const r = await upload(
      [
        row('b1', { ref: 'c-b1', phone: '0612345678' }),
        row('b2', { ref: 'c-b2', email: 'not-an-address' }),
        row('b3', { phone: '+31612345678' }),
        row('b4', { ref: 'c-b4', lang: 'de' })
      ],
      'all-or-nothing'
    );
    expect(r.status).toBe(400);
    const errors = r.body.error?.details ?? r.body.errors;
    const byLine = (errors as { line: number; column: string; message?: string; reason?: string }[]).map((e) => [e.line, e.column]);
    expect(byLine).toEqual([
      [2, 'customer_phone'],
      [3, 'customer_email'],
      [4, 'customer_phone'],
      [5, 'customer_language']
    ]);
    expect(JSON.stringify(r.body)).not.toMatch(/0612345678|not-an-address/);
    expect(await contactOf('c-b1')).toBeUndefined();
  });

  it('a server without a contact key refuses the details (never stored in clear); without the columns imports as before', async () => {
    const r = await upload([row('n1', { ref: 'c-n1', phone: '+31612345678' }), row('n2', { ref: 'c-n2' })], 'skip-invalid', keyless);
    expect(r.body).toMatchObject({ inserted: 1, invalid: 1 });
    expect(r.body.errors[0]).toMatchObject({ line: 2, column: 'customer_phone' });
    expect(await contactOf('c-n1')).toBeUndefined();
  });
});
