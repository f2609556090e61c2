import { z } from '@hono/zod-openapi';

/** Shapes only the plan routes use; the shared ones live in @attentive/shared/mystery-plans. */
export const tags = ['Mystery calls'];

export const AssignmentChange = z
  .object({ id: z.number().int(), shopperId: z.number().int(), status: z.enum(['planned', 'completed', 'cancelled']) })
  .openapi('MysteryAssignmentChange');
