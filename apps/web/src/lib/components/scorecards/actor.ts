import { m } from '$lib/paraglide/messages';

/** Names of people by their sign-in address, for the audit labels of the scorecard history. */
export type ActorNames = Record<string, string>;

/**
 * Who made or published a version, said readably. The API keeps the audit trail's label ("user:ann@example.com",
 * "token:7", "system:demo"); a screen shows the person's name (from `names`), else a description — never the address.
 */
export function actorName(label: string | null | undefined, names: ActorNames): string {
  const [kind, ...rest] = (label ?? '').split(':');
  const who = rest.join(':');
  if (kind === 'user') return names[who.toLowerCase()] ?? m.scorecards_actor_colleague();
  if (kind === 'token') return m.scorecards_actor_token({ id: who });
  if (kind === 'system') return who === 'demo' ? m.scorecards_actor_demo() : m.scorecards_actor_system();
  return m.scorecards_actor_unknown();
}

/** The sign-in addresses among audit labels (to look their names up). */
export const actorEmails = (labels: (string | null | undefined)[]): string[] => [
  ...new Set(labels.filter((l): l is string => !!l?.startsWith('user:')).map((l) => l.slice('user:'.length).toLowerCase()))
];
