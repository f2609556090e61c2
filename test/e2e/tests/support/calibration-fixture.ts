import { createClient } from '@libsql/client';

/**
 * A calibration session for the e2e specs, written straight into the e2e database (E2E_DATABASE_URL): three
 * recent calls of team T01 (tl01's team) in their program, the program's current published scorecard version,
 * qa@ facilitating and the given demo people taking part. Until the sessions screen can make one, this is the
 * one place the specs get a session from; swap it for POST /api/calibration/sessions then.
 */
export async function calibrationSessionForE2e(o: { participants: string[]; calls?: number; title?: string; revealed?: boolean }) {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const one = async (sql: string, args: (string | number)[] = []) => (await db.execute({ sql, args })).rows[0];
    // Recorded, transcribed calls first: the screen is about listening.
    const calls = (
      await db.execute({
        sql: `SELECT c.id AS id, c.program_id AS program, c.tenant_id AS tenant FROM calls c
          JOIN people p ON p.id = c.agent_id JOIN teams t ON t.id = p.team_id
          WHERE t.code = 'T01' AND c.program_id = (SELECT c2.program_id FROM calls c2 JOIN people p2 ON p2.id = c2.agent_id
            JOIN teams t2 ON t2.id = p2.team_id WHERE t2.code = 'T01' GROUP BY c2.program_id ORDER BY count(*) DESC LIMIT 1)
          ORDER BY c.recording_path IS NULL, NOT EXISTS (SELECT 1 FROM call_transcripts ct WHERE ct.call_id = c.id), c.started_at DESC
          LIMIT ?`,
        args: [o.calls ?? 3]
      })
    ).rows.map((r) => ({ id: Number(r.id), program: Number(r.program), tenant: Number(r.tenant) }));
    if (!calls.length) throw new Error('the demo data has no call of team T01');
    const { program, tenant } = calls[0]!;
    // The version a new evaluation of the program is scored on (core: currentScorecardVersion).
    const version = await one(
      `SELECT v.id AS id FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
       WHERE s.tenant_id = ? AND s.purpose = 'calls' AND v.status = 'published' AND (s.program_id = ? OR s.program_id IS NULL)
       ORDER BY s.program_id IS NULL, v.version DESC LIMIT 1`,
      [tenant, program]
    );
    const personOf = async (email: string) => {
      const r = await one(`SELECT id FROM people WHERE tenant_id = ? AND lower(email) = lower(?)`, [tenant, email]);
      if (!r) throw new Error(`no demo person ${email}`);
      return Number(r.id);
    };
    const facilitator = await personOf('qa@demo.attentive.test');
    const participants = await Promise.all(o.participants.map(personOf));
    const now = Date.now();
    const session = await one(
      `INSERT INTO calibration_sessions (tenant_id, program_id, scorecard_version_id, title, facilitator_id, deadline, selection, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 'chosen', ?, 'e2e') RETURNING id`,
      [tenant, program, Number(version!.id), o.title ?? `E2E calibration ${now}`, facilitator, now + 7 * 86_400_000, now]
    );
    const sessionId = Number(session!.id);
    for (const [position, c] of calls.entries())
      await db.execute({
        sql: `INSERT INTO calibration_calls (session_id, call_id, position) VALUES (?, ?, ?)`,
        args: [sessionId, c.id, position]
      });
    for (const p of participants)
      await db.execute({ sql: `INSERT INTO calibration_participants (session_id, person_id) VALUES (?, ?)`, args: [sessionId, p] });
    // Revealed as the reveal verb leaves it (before the sessions screen exists to reveal one).
    if (o.revealed)
      await db.execute({
        sql: `UPDATE calibration_sessions SET revealed_at = ?, revealed_by = 'e2e' WHERE id = ?`,
        args: [now, sessionId]
      });
    return { sessionId, callIds: calls.map((c) => c.id) };
  } finally {
    db.close();
  }
}
