import { z } from '@hono/zod-openapi';
import { CallFacts, Ref } from '@attentive/shared/contract';

export const CallListItemSchema = CallFacts.extend({ agent: Ref, hasTranscript: z.boolean() }).openapi('CallListItem');

export const TurnSchema = z.object({ speaker: z.enum(['agent', 'customer']), start: z.number(), end: z.number(), text: z.string() });
