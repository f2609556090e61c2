import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { canImportCalls } from '../../policy/calls.ts';
import type { Principal } from '../../policy/principal.ts';

export type ProgramEntry = { id: number; clientId: number; code: string; allowed: boolean };

/**
 * The tenant's codes, loaded once per import: rows name programs, queues and agents by code, and an
 * unknown code is an error (never a silent creation). `allowed` is the policy's answer per program.
 */
export type CodeMaps = {
  programs: Map<string, ProgramEntry>;
  /** key: `${programId}/${queueCode}` */
  queues: Map<string, number>;
  agents: Map<string, number>;
  /** Programs the principal may import into, for the per-batch check of existing calls. */
  allowedProgramIds: Set<number>;
  /** True when the principal may import into every program (admins). */
  unrestricted: boolean;
};

export async function loadCodeMaps(db: DbOrTx, principal: Principal): Promise<CodeMaps> {
  const tenantId = principal.tenantId;
  const [programs, queues, people] = await Promise.all([
    db
      .select({ id: schema.programs.id, clientId: schema.programs.clientId, code: schema.programs.code })
      .from(schema.programs)
      .where(eq(schema.programs.tenantId, tenantId)),
    db
      .select({ id: schema.queues.id, programId: schema.queues.programId, code: schema.queues.code })
      .from(schema.queues)
      .where(eq(schema.queues.tenantId, tenantId)),
    db.select({ id: schema.people.id, code: schema.people.code }).from(schema.people).where(eq(schema.people.tenantId, tenantId))
  ]);
  const maps: CodeMaps = { programs: new Map(), queues: new Map(), agents: new Map(), allowedProgramIds: new Set(), unrestricted: true };
  for (const p of programs) {
    const allowed = canImportCalls(principal, { programId: p.id, clientId: p.clientId });
    maps.programs.set(p.code, { ...p, allowed });
    if (allowed) maps.allowedProgramIds.add(p.id);
    else maps.unrestricted = false;
  }
  for (const q of queues) maps.queues.set(`${q.programId}/${q.code}`, q.id);
  for (const a of people) maps.agents.set(a.code, a.id);
  return maps;
}

/** "did you mean" for a code that differs only in case or surrounding spaces. */
export function similarCode(codes: Iterable<string>, wanted: string): string | undefined {
  const w = wanted.trim().toLowerCase();
  for (const c of codes) if (c.toLowerCase() === w) return c;
  return undefined;
}
