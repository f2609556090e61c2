import { z } from '@hono/zod-openapi';
import { ROLES, plainText } from '@attentive/shared';

/** Shapes and rules more than one admin route file uses. */
export const tags = ['Admin'];

/** A code of a team, client or program: what imports and exports name it by. */
export const Code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "1-40 letters, digits, '-', '_' or '.'");
export const Name = plainText({ min: 1, max: 200 });
export const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const RoleAssignment = z
  .object({
    id: z.number().int(),
    role: z.enum(ROLES),
    teamId: z.number().int().nullable(),
    clientId: z.number().int().nullable(),
    programId: z.number().int().nullable()
  })
  .openapi('RoleAssignment');
