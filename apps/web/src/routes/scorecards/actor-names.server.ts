import type { RequestEvent } from '@sveltejs/kit';
import { api, send } from '$lib/server/api-client';
import { can } from '$lib/server/guard';
import { actorEmails, type ActorNames } from '$lib/components/scorecards/actor';

/**
 * The names behind the audit labels of a scorecard's versions. The signed-in person is always known; others are
 * looked up in the roster, which scorecard managers (admins, QA) may read; anyone else sees "a colleague".
 */
export async function actorNames(event: RequestEvent, labels: (string | null | undefined)[]): Promise<ActorNames> {
  const me = event.locals.me;
  const names: ActorNames = {};
  if (me?.email) names[me.email.toLowerCase()] = me.name;
  if (!can(me, 'manageScorecards')) return names;
  const wanted = actorEmails(labels).filter((e) => !(e in names));
  const found = await Promise.all(wanted.map((q) => send(api(event).api.admin.people.$get({ query: { q, limit: '5' } }))));
  wanted.forEach((email, i) => {
    const res = found[i]!;
    const person = res.ok ? res.data.items.find((p) => p.accountEmail?.toLowerCase() === email) : undefined;
    if (person) names[email] = person.name;
  });
  return names;
}
