import { createClient, type Client } from '@libsql/client';
import { request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './sign-in';

/**
 * A revealed calibration session made through the API, as its users make one (so every score goes through THE score
 * writer, cached scores included): qa@ makes it on EN-CARE's two latest calls for qa@, tl01@ and admin@; each scores
 * both calls; qa@ reveals. The database is only read (ids, the scorecard's items).
 *
 * The answers: on every item all three agree per call, with different answers on the two calls (alpha 1,
 * "reliable"), except the first yes/no item, where qa says yes/no, tl01 yes/yes and admin no/no (alpha −0.11:
 * "do not rely on this item", reword?).
 */
type Item = {
  id: string;
  answer: { type: 'yes_no' } | { type: 'scale'; min: number; max: number } | { type: 'choice'; options: { key: string }[] };
};

export type CalibrationFixture = { sessionId: number; callIds: number[]; disputedItemId: string; participants: string[] };

const EMAILS = ['qa@demo.attentive.test', 'tl01@demo.attentive.test', 'admin@demo.attentive.test'];

async function one(db: Client, sql: string, args: (string | number | null)[] = []) {
  const r = await db.execute({ sql, args });
  if (!r.rows[0]) throw new Error(`calibration fixture: nothing for ${sql} ${JSON.stringify(args)}`);
  return r.rows[0];
}

function answersFor(items: Item[], disputed: string, participant: number, call: number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const it of items) {
    const a = it.answer;
    if (it.id === disputed)
      out[it.id] = [
        ['yes', 'no'],
        ['yes', 'yes'],
        ['no', 'no']
      ][participant]![call]!;
    else if (a.type === 'yes_no') out[it.id] = call === 0 ? 'yes' : 'no';
    else if (a.type === 'scale') out[it.id] = call === 0 ? a.max : a.min;
    else out[it.id] = call === 0 ? a.options[0]!.key : a.options[a.options.length - 1]!.key;
  }
  return out;
}

/** A signed-in API client for a demo account (the session cookie is kept by the request context). */
async function signedIn(email: string): Promise<APIRequestContext> {
  const baseURL = process.env.E2E_BASE_URL!;
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  const res = await ctx.post('/api/auth/sign-in/email', { data: { email, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`calibration fixture: sign-in of ${email}: ${res.status()}`);
  return ctx;
}

async function ok(what: string, res: Awaited<ReturnType<APIRequestContext['post']>>) {
  if (!res.ok()) throw new Error(`calibration fixture: ${what}: ${res.status()} ${await res.text()}`);
  return res.json();
}

export async function revealedCalibrationSession(title: string): Promise<CalibrationFixture> {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  const clients = await Promise.all(EMAILS.map(signedIn));
  try {
    const tenantId = Number((await one(db, "SELECT id FROM tenants WHERE slug = 'demo'")).id);
    const programId = Number((await one(db, "SELECT id FROM programs WHERE tenant_id = ? AND code = 'EN-CARE'", [tenantId])).id);
    const people: { id: number; name: string }[] = [];
    for (const email of EMAILS) {
      const p = await one(db, 'SELECT p.id, p.name FROM people p JOIN users u ON u.id = p.user_id WHERE u.email = ? AND p.tenant_id = ?', [
        email,
        tenantId
      ]);
      people.push({ id: Number(p.id), name: String(p.name) });
    }
    const callIds = (
      await db.execute({ sql: 'SELECT id FROM calls WHERE program_id = ? ORDER BY started_at DESC LIMIT 2', args: [programId] })
    ).rows.map((r) => Number(r.id));
    const [qa] = clients;
    const session = (await ok(
      'make the session',
      await qa!.post('/api/calibration/sessions', {
        data: {
          programId,
          title,
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
          participantIds: people.map((p) => p.id),
          calls: { mode: 'chosen', callIds }
        }
      })
    )) as { id: number };
    const version = await one(
      db,
      'SELECT v.definition FROM scorecard_versions v JOIN calibration_sessions s ON s.scorecard_version_id = v.id WHERE s.id = ?',
      [session.id]
    );
    const items = (JSON.parse(String(version.definition)) as { sections: { items: Item[] }[] }).sections.flatMap((s) => s.items);
    const disputed = items.find((i) => i.answer.type === 'yes_no')!.id;
    for (const [pi, client] of clients.entries())
      for (const [ci, callId] of callIds.entries())
        await ok(
          `score call ${callId} as ${EMAILS[pi]}`,
          await client.put(`/api/calibration/sessions/${session.id}/calls/${callId}/score`, {
            data: { answers: answersFor(items, disputed, pi, ci), submit: true }
          })
        );
    await ok('reveal', await qa!.post(`/api/calibration/sessions/${session.id}/reveal`, { data: {} }));
    return { sessionId: session.id, callIds, disputedItemId: disputed, participants: people.map((p) => p.name) };
  } finally {
    db.close();
    await Promise.all(clients.map((c) => c.dispose()));
  }
}
