import { randomBytes } from 'node:crypto';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { CreateCalibrationSessionInput } from '@attentive/shared/calibration-sessions';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { parseInput } from '../input.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { mayParticipate } from '../policy/calibration.ts';
import { currentScorecardVersion } from '../evaluations/score.ts';
import { customPeriod } from '../sampling/period.ts';
import { tenantTimeZone } from '../settings/tenant-settings.ts';
import { drawCalibrationCalls } from './draw-calls.ts';
import { sessionDetail } from './get-session.ts';
import { agentNamer } from '../client-audit/pseudonym.ts';
import { loadSessionFacts } from './load-session.ts';
import { requireCalibrationManager, rolesOfPeople } from './session-support.ts';

type Input = z.output<typeof CreateCalibrationSessionInput>;

/**
 * A manager makes a calibration session: one program, its current published scorecard version (fixed from now
 * on), chosen or drawn calls of that program, and at least two participants who may score for its client. The
 * maker is the facilitator. One transaction, audited; any bad call or person is named and nothing is stored.
 */
export async function createCalibrationSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateCalibrationSessionInput> }) {
  requireCalibrationManager(ctx);
  const data = parseInput(CreateCalibrationSessionInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  const deadline = new Date(data.deadline);
  if (deadline.getTime() <= now.getTime())
    throw invalid('The deadline must be in the future', [{ path: 'deadline', message: 'must be in the future' }]);
  const timeZone = await tenantTimeZone(ctx);
  // Decided before the transaction: the namer reads the client's setting through ctx.db, not the transaction.
  const named = await agentNamer(ctx);
  return ctx.db.transaction(async (tx) => {
    const [program] = await tx
      .select({ id: schema.programs.id, clientId: schema.programs.clientId })
      .from(schema.programs)
      .where(and(eq(schema.programs.id, data.programId), eq(schema.programs.tenantId, p.tenantId)));
    if (!program) throw notFound(`Program ${data.programId}`);
    const { version } = await currentScorecardVersion(tx, p.tenantId, program.id);
    await checkParticipants(tx, p.tenantId, program.clientId, data.participantIds);
    const picked = await selectCalls(tx, p.tenantId, program.id, data.calls, timeZone);

    const [row] = await tx
      .insert(schema.calibrationSessions)
      .values({
        tenantId: p.tenantId,
        programId: program.id,
        scorecardVersionId: version.id,
        title: data.title,
        facilitatorId: p.personId!,
        deadline,
        selection: data.calls.mode,
        drawSeed: picked.draw?.seed ?? null,
        drawFrom: picked.draw?.from ?? null,
        drawTo: picked.draw?.to ?? null,
        createdAt: now,
        createdBy: p.label
      })
      .returning();
    const sessionId = row!.id;
    await tx.insert(schema.calibrationCalls).values(picked.callIds.map((callId, position) => ({ sessionId, callId, position })));
    await tx.insert(schema.calibrationParticipants).values(data.participantIds.map((personId) => ({ sessionId, personId })));
    await writeAudit(
      tx,
      ctx,
      {
        action: 'calibration.create',
        objectType: 'calibration_session',
        objectId: sessionId,
        after: { ...data, scorecardVersionId: version.id, callIds: picked.callIds, drawSeed: picked.draw?.seed ?? null }
      },
      now
    );
    const { session, facts } = await loadSessionFacts(tx, p.tenantId, sessionId);
    return sessionDetail(tx, p, session, facts, now, named);
  });
}

/** Every participant a person of the tenant who may score for the program's client; else 400 naming each. */
async function checkParticipants(tx: DbOrTx, tenantId: number, clientId: number, ids: number[]) {
  const people = await tx
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(and(eq(schema.people.tenantId, tenantId), inArray(schema.people.id, ids)));
  const nameOf = new Map(people.map((x) => [x.id, x.name]));
  const roles = await rolesOfPeople(tx, tenantId, ids);
  const details = ids.flatMap((id, i) => {
    const path = `participantIds.${i}`;
    if (!nameOf.has(id)) return [{ path, message: `person ${id} is not a person of this organisation` }];
    if (!mayParticipate(roles.get(id) ?? [], clientId))
      return [
        {
          path,
          message: `${nameOf.get(id)} (person ${id}) may not take part: only admins, QA analysts, team leads and this client's auditors calibrate`
        }
      ];
    return [];
  });
  if (details.length) throw invalid(`Cannot calibrate with these participants: ${details.map((d) => d.message).join('; ')}`, details);
}

/** The chosen calls (each of the program, in the tenant) or the drawn ones, with the draw's seed and period. */
async function selectCalls(tx: DbOrTx, tenantId: number, programId: number, sel: Input['calls'], timeZone: string) {
  const c = schema.calls;
  if (sel.mode === 'chosen') {
    const found = await tx
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.tenantId, tenantId), eq(c.programId, programId), inArray(c.id, sel.callIds)));
    const known = new Set(found.map((r) => r.id));
    const details = sel.callIds.flatMap((id, i) =>
      known.has(id) ? [] : [{ path: `calls.callIds.${i}`, message: `call ${id} is not a call of this program` }]
    );
    if (details.length) throw invalid(`Cannot calibrate these calls: ${details.map((d) => d.message).join('; ')}`, details);
    return { callIds: sel.callIds, draw: null };
  }
  let period;
  try {
    period = customPeriod(sel.from, sel.to, timeZone);
  } catch (e) {
    const message = (e as Error).message.replace(/^period\./, '');
    throw invalid(`Cannot draw from this period: ${message}`, [{ path: message.startsWith('to') ? 'calls.to' : 'calls.from', message }]);
  }
  const candidates = await tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.programId, programId), gte(c.startedAt, period.start), lt(c.startedAt, period.end)));
  if (!candidates.length)
    throw invalid(`No calls of this program started between ${sel.from} and ${sel.to}: choose another period`, [
      { path: 'calls.from', message: 'no calls of this program in this period' }
    ]);
  const seed = randomBytes(32).toString('hex');
  return {
    callIds: drawCalibrationCalls(
      candidates.map((r) => r.id),
      seed,
      sel.count
    ),
    draw: { seed, from: period.start, to: period.end }
  };
}
