import type { Ctx } from '../context.ts';
import { saveCodeName } from './save-code-name.ts';

/** Creates a team (no id) or changes one (id); a save that changes nothing writes nothing. */
export async function saveTeam({ ctx, input }: { ctx: Ctx; input: { id?: number; code?: string; name?: string } }) {
  return saveCodeName('team', { ctx, input });
}
