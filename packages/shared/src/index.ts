import { z } from 'zod';

export const ROLES = [
  'admin',
  'qa_analyst',
  'team_lead',
  'agent',
  'client_auditor',
  'mystery_shopper',
  'survey_caller',
  'integration'
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Every scorecard item belongs to one dimension (see shared/DOMAIN.md). */
export const DIMENSIONS = ['customer_friendly', 'customer_oriented', 'compliance'] as const;
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const Direction = z.enum(DIRECTIONS);

/** Keyset pagination: `cursor` is opaque to clients. */
export const PageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50)
});
export * from './text.ts';

export { CAPABILITIES, type Capabilities, type Capability } from './capabilities.ts';
