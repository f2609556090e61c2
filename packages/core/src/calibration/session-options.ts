import { and, desc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { CalibrationOptionsQuery, type CalibrationOptions } from '@attentive/shared/calibration-sessions';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { parseInput } from '../input.ts';
import { mayParticipate } from '../policy/calibration.ts';
import { currentScorecardVersion } from '../evaluations/score.ts';
import { tenantTimeZone } from '../settings/tenant-settings.ts';
import { calibrationRolesOf, requireCalibrationManager, rolesOfPeople } from './session-support.ts';

const RECENT_DAYS = 30;
const RECENT_LIMIT = 200;

/**
 * What the session form picks from: the programs with a published scorecard (a session is scored on one), and
 * for the chosen program the people who may take part (its client's auditors, never another client's; never
 * agents) and its calls of the last 30 days, newest first.
 */
export async function calibrationSessionOptions({
  ctx,
  input
}: {
  ctx: Ctx;
  input?: z.input<typeof CalibrationOptionsQuery>;
}): Promise<CalibrationOptions> {
  requireCalibrationManager(ctx);
  const { programId } = parseInput(CalibrationOptionsQuery, input ?? {});
  const tenantId = ctx.principal.tenantId;
  const all = await ctx.db
    .select({ id: schema.programs.id, name: schema.programs.name, clientId: schema.programs.clientId, clientName: schema.clients.name })
    .from(schema.programs)
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .where(eq(schema.programs.tenantId, tenantId))
    .orderBy(schema.programs.name);
  const programs = [];
  for (const pr of all) if (await hasPublishedScorecard(ctx, pr.id)) programs.push(pr);
  const timeZone = await tenantTimeZone(ctx);
  if (programId == null) return { programs: programs.map(strip), programId: null, timeZone, people: [], calls: [] };
  const program = all.find((x) => x.id === programId);
  if (!program) throw notFound(`Program ${programId}`);

  const people = await ctx.db
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(eq(schema.people.tenantId, tenantId))
    .orderBy(schema.people.name);
  const roles = await rolesOfPeople(ctx.db, tenantId);
  const eligible = people.flatMap((x) => {
    const grants = roles.get(x.id) ?? [];
    if (!mayParticipate(grants, program.clientId)) return [];
    // Roles shown: staff roles, and the auditor role only when it is for this program's client.
    const shown = calibrationRolesOf(grants.filter((g) => g.role !== 'client_auditor' || g.clientId === program.clientId));
    return [{ id: x.id, name: x.name, roles: shown, client: shown.length === 1 && shown[0] === 'client_auditor' }];
  });

  const c = schema.calls;
  const since = new Date(nowOf(ctx).getTime() - RECENT_DAYS * 86_400_000);
  const calls = await ctx.db
    .select({
      id: c.id,
      startedAt: c.startedAt,
      agentName: schema.people.name,
      talkSeconds: c.talkSeconds,
      recordingPath: c.recordingPath,
      queueName: schema.queues.name
    })
    .from(c)
    .innerJoin(schema.people, eq(schema.people.id, c.agentId))
    .leftJoin(schema.queues, eq(schema.queues.id, c.queueId))
    .where(and(eq(c.tenantId, tenantId), eq(c.programId, programId), gte(c.startedAt, since)))
    .orderBy(desc(c.startedAt), desc(c.id))
    .limit(RECENT_LIMIT);
  return {
    programs: programs.map(strip),
    programId,
    timeZone,
    people: eligible,
    calls: calls.map((r) => ({
      id: r.id,
      startedAt: r.startedAt.toISOString(),
      agentName: r.agentName,
      talkSeconds: r.talkSeconds,
      hasRecording: r.recordingPath != null,
      queueName: r.queueName
    }))
  };
}

const strip = (x: { id: number; name: string; clientName: string }) => ({ id: x.id, name: x.name, clientName: x.clientName });

async function hasPublishedScorecard(ctx: Ctx, programId: number) {
  try {
    await currentScorecardVersion(ctx.db, ctx.principal.tenantId, programId);
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'PRECONDITION_FAILED') return false;
    throw e;
  }
}
