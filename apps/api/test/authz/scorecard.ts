import { ensureScorecard as ensureTenantScorecard } from '../support/scorecard.ts';
import type { World } from './world.ts';

/** One yes/no item: enough to start, submit and dispute an evaluation. */
const DEF = {
  sections: [
    {
      id: 's',
      title: 'S',
      items: [{ id: 'greeting', text: 'Greets', answer: { type: 'yes_no' as const }, weight: 1, dimension: 'customer_friendly' as const }]
    }
  ]
};

/** The tenant's default scorecard for the matrix (stored once; no publishedAt, as before). */
export const ensureScorecard = (w: World, tenantId: number) =>
  ensureTenantScorecard(w.db, tenantId, DEF, { name: 'Matrix default', createdBy: 'matrix' });
