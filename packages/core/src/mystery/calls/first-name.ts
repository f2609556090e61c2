/**
 * The first name in a name as people say it on the phone ("Sanne", "sanne de vries", "Séverine"):
 * its first word, lower case, without accents, so "Severine" given matches "Séverine Dupont".
 */
export function firstNameKey(name: string | null | undefined): string {
  const first = (name ?? '').trim().split(/\s+/)[0] ?? '';
  return first
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Whether an agent's name starts with the first name a shopper was given (false when none was given). */
export const nameMatches = (given: string | null | undefined, agentName: string) =>
  firstNameKey(given) !== '' && firstNameKey(given) === firstNameKey(agentName);
