import type { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { saveCodeName, type CodeNameInput } from './save-code-name.ts';

/**
 * Creates a client (no id) or changes one (id), with whether its auditors see agents under a pseudonym
 * (client-audit/pseudonym.ts); a save that changes nothing writes nothing.
 */
export async function saveClient({ ctx, input }: { ctx: Ctx; input: CodeNameInput }) {
  return (await saveCodeName('client', { ctx, input })) as typeof schema.clients.$inferSelect;
}
