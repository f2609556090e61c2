import type { Ctx } from '../../context.ts';
import { listSampleRuns } from '../../sampling/list-sample-runs.ts';
import { portalProgram } from './portal-scope.ts';

/**
 * The sample runs of one of the client's programs, newest first, each verifiable at /sampling/runs/{id}/verify:
 * the program is checked first (another client's program → NOT_FOUND, not an empty list), then sampling's own
 * list answers, so the portal shows exactly what the sampling screens show.
 */
export async function listProgramSampleRuns({ ctx, input }: { ctx: Ctx; input: { programId: number; limit?: number } }) {
  const program = await portalProgram(ctx, input.programId);
  return { items: await listSampleRuns({ ctx, input: { programId: program.id, limit: input.limit ?? 24 } }) };
}
