import { createClient, type Client } from '@libsql/client';

/**
 * A revealed calibration session in the e2e database, written as rows (the e2e package has no core to call, and
 * the session and scoring screens are other slices): EN-CARE's two latest calls, scored on the current shared
 * scorecard by qa@ (the facilitator), tl01@ and admin@, then revealed. The calibration evaluations are stored as
 * the scoring writer stores them (kind 'calibration', submitted, revision 1); their cached score columns are left
 * empty, as a calibration score never counts and the results compute every score from the answers.
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

export async function revealedCalibrationSession(title: string): Promise<CalibrationFixture> {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const now = Date.now();
    const tenantId = Number((await one(db, "SELECT id FROM tenants WHERE slug = 'demo'")).id);
    const programId = Number((await one(db, "SELECT id FROM programs WHERE tenant_id = ? AND code = 'EN-CARE'", [tenantId])).id);
    const version = await one(
      db,
      `SELECT v.id, v.definition FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
       WHERE s.tenant_id = ? AND s.program_id IS NULL AND s.purpose = 'calls' AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`,
      [tenantId]
    );
    const items = (JSON.parse(String(version.definition)) as { sections: { items: Item[] }[] }).sections.flatMap((s) => s.items);
    const disputed = items.find((i) => i.answer.type === 'yes_no')!.id;
    const people: { id: number; name: string; email: string }[] = [];
    for (const email of EMAILS) {
      const p = await one(db, 'SELECT p.id, p.name FROM people p JOIN users u ON u.id = p.user_id WHERE u.email = ? AND p.tenant_id = ?', [
        email,
        tenantId
      ]);
      people.push({ id: Number(p.id), name: String(p.name), email });
    }
    const calls = (
      await db.execute({ sql: 'SELECT id, agent_id FROM calls WHERE program_id = ? ORDER BY started_at DESC LIMIT 2', args: [programId] })
    ).rows.map((r) => ({ id: Number(r.id), agentId: Number(r.agent_id) }));
    const session = await one(
      db,
      `INSERT INTO calibration_sessions (tenant_id, program_id, scorecard_version_id, title, facilitator_id, deadline, selection,
         revealed_at, revealed_by, notes, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 'chosen', ?, 'e2e', '', ?, 'e2e') RETURNING id`,
      [tenantId, programId, Number(version.id), title, people[0]!.id, now - 3_600_000, now, now - 86_400_000]
    );
    const sessionId = Number(session.id);
    for (const [position, c] of calls.entries())
      await db.execute({
        sql: 'INSERT INTO calibration_calls (session_id, call_id, position) VALUES (?, ?, ?)',
        args: [sessionId, c.id, position]
      });
    for (const [pi, p] of people.entries()) {
      await db.execute({ sql: 'INSERT INTO calibration_participants (session_id, person_id) VALUES (?, ?)', args: [sessionId, p.id] });
      for (const [ci, c] of calls.entries()) {
        const ev = await one(
          db,
          `INSERT INTO evaluations (tenant_id, call_id, agent_id, program_id, scorecard_version_id, evaluator_id, evaluator_label, kind,
             status, revision, version, answers, submitted_at, failed, critical_flags, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'calibration', 'submitted', 1, 2, ?, ?, 0, '[]', ?, ?) RETURNING id`,
          [
            tenantId,
            c.id,
            c.agentId,
            programId,
            Number(version.id),
            p.id,
            `user:${p.email}`,
            JSON.stringify(answersFor(items, disputed, pi, ci)),
            now - 7_200_000,
            now - 7_200_000,
            now - 7_200_000
          ]
        );
        await db.execute({
          sql: 'INSERT INTO calibration_evaluations (session_id, call_id, participant_id, evaluation_id) VALUES (?, ?, ?, ?)',
          args: [sessionId, c.id, p.id, Number(ev.id)]
        });
      }
    }
    return { sessionId, callIds: calls.map((c) => c.id), disputedItemId: disputed, participants: people.map((p) => p.name) };
  } finally {
    db.close();
  }
}
