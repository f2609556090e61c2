import type { Ctx } from '../../context.ts';
import { readableClients } from './portal-scope.ts';

/** The clients whose portal the reader may open: an admin picks one of every client, an auditor sees its own. */
export async function listPortalClients({ ctx }: { ctx: Ctx }) {
  return { items: (await readableClients(ctx)).map(({ id, code, name }) => ({ id, code, name })) };
}
