import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

const ID = /^[1-9][0-9]{0,15}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The client's portal: the clients the reader may open (an admin picks one first; an auditor of one client
 * goes straight to it), then that client's month — figures, changes, trends, benchmark — from GET /client/home.
 * Query values that are not an id or a month are dropped (the API would refuse them with a 400).
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  const q = event.url.searchParams;
  const client = api(event).api.client;
  const clients = (await read(event, client.clients.$get())).items;
  const asked = q.get('clientId') ?? '';
  const month = q.get('month') ?? '';
  const clientId = ID.test(asked) ? asked : clients.length === 1 ? String(clients[0]!.id) : '';
  if (!clientId) return { clients, clientId: null, home: null };
  const query: { clientId: string; month?: string } = { clientId };
  if (MONTH.test(month)) query.month = month;
  return { clients, clientId: Number(clientId), home: await read(event, client.home.$get({ query })) };
};
