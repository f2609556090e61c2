import { redirect, type RequestEvent } from '@sveltejs/kit';
import { api, send } from '$lib/server/api-client';

/**
 * Claims the next due customer and goes straight to its script; with nobody due, back to the queue (which
 * says so). `last` tells the next page what was just saved, for its status line.
 */
export async function goToNextCustomer(event: RequestEvent, last: string) {
  const res = await send(api(event).api.surveys.queue.claim.$post({ json: {} }));
  const id = res.ok ? res.data.itemId : null;
  if (id != null) redirect(303, `/surveys/queue/${id}?last=${last}`);
  redirect(303, `/surveys/queue?last=${last}${res.ok ? '&none=1' : ''}`);
}
