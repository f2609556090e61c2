import type { Ctx } from '../context.ts';
import { saveCodeName } from './save-code-name.ts';

/** Creates a client (no id) or changes one (id); a save that changes nothing writes nothing. */
export async function saveClient({ ctx, input }: { ctx: Ctx; input: { id?: number; code?: string; name?: string } }) {
  return saveCodeName('client', { ctx, input });
}
