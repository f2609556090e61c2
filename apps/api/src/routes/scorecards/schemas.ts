import { z } from '@hono/zod-openapi';
import { ScorecardDefinition } from '@attentive/shared/scorecard';

/** Shapes more than one scorecard route file answers with. */
export const tags = ['Scorecards'];

export const Definition = ScorecardDefinition;

export const VersionSummary = z
  .object({
    id: z.number().int(),
    scorecardId: z.number().int(),
    version: z.number().int(),
    status: z.enum(['draft', 'published']),
    note: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    itemCount: z.number().int()
  })
  .openapi('ScorecardVersionSummary');

export const Version = VersionSummary.extend({ definition: Definition }).openapi('ScorecardVersion');

export const Scorecard = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    programId: z.number().int().nullable(),
    programName: z.string().nullable(),
    isDefault: z.boolean(),
    purpose: z
      .enum(['calls', 'mystery'])
      .openapi({ description: "'calls': scores recorded calls; 'mystery': the shopper's form of a mystery call" }),
    createdAt: z.string(),
    createdBy: z.string()
  })
  .openapi('Scorecard');

/** How a program's mystery-call form compares with the program's call scorecard (null for call scorecards). */
export const Comparison = z
  .object({
    scorecardId: z.number().int(),
    scorecardName: z.string(),
    version: z.number().int(),
    itemIds: z
      .array(z.string())
      .openapi({ description: 'Items of the shown version with the same id and answer type on the call scorecard' })
  })
  .openapi('ScorecardComparison');
