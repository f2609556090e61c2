import { describe, expect, it } from 'vitest';
import { firstNameKey, nameMatches } from '../src/mystery/calls/first-name.ts';

describe('matching the name a shopper was given to an agent', () => {
  it('compares first names, ignoring case, accents and surnames', () => {
    expect(firstNameKey('  Séverine  Dupont ')).toBe('severine');
    expect(nameMatches('severine', 'Séverine Dupont')).toBe(true);
    expect(nameMatches('Anna de Vries', 'anna Jansen')).toBe(true);
    expect(nameMatches('Anne', 'Anna Jansen')).toBe(false);
  });
  it('never matches when no name was given', () => {
    expect(nameMatches(null, 'Anna')).toBe(false);
    expect(nameMatches('  ', 'Anna')).toBe(false);
  });
});
