import { schema } from '@attentive/db';
import { PlanDefinition } from './definition.ts';

/** A plan as the API shows it: the draft parsed, dates as ISO strings. */
export function planDto(p: typeof schema.samplingPlans.$inferSelect) {
  return {
    id: p.id,
    programId: p.programId,
    name: p.name,
    draft: PlanDefinition.parse(p.draft),
    publishedVersion: p.publishedVersion,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString()
  };
}
