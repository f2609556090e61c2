import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { parseDefinition } from '../scoring/parse-definition.ts';

export const ScorecardId = z.number().int().positive();
export const VersionNote = plainText({ max: 500, multiline: true });

/**
 * A definition in a verb's input: parsed by parseDefinition, whose VALIDATION error names the item
 * (`item "tone": scale max (1) must be greater than min (5)`); documented as ScorecardDefinition. What is not
 * an object at all is left to ScorecardDefinition (the document generator probes with null).
 */
export const DefinitionInput = z.preprocess((v) => (typeof v === 'object' && v !== null ? parseDefinition(v) : v), ScorecardDefinition);

/** Publishing needs a form an evaluator can fill in and that yields a score. */
export function publishProblems(def: { sections: { id: string; items: { id: string; bonus: boolean; weight: number }[] }[] }) {
  const problems: { path: string; message: string }[] = [];
  if (def.sections.length === 0) problems.push({ path: 'definition.sections', message: 'a scorecard needs at least one section' });
  def.sections.forEach((s, i) => {
    if (s.items.length === 0) problems.push({ path: `definition.sections.${i}`, message: `section "${s.id}" has no items` });
  });
  if (def.sections.length && !def.sections.some((s) => s.items.some((it) => !it.bonus && it.weight > 0)))
    problems.push({ path: 'definition.sections', message: 'at least one item must carry weight (and not be a bonus item)' });
  return problems;
}
