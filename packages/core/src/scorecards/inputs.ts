import { z } from 'zod';
import { plainText } from '@attentive/shared';

export const ScorecardId = z.number().int().positive();
export const VersionNote = plainText({ max: 500, multiline: true });

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
