import { z } from 'zod';
import { plainText } from '@attentive/shared';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageSampling } from '../policy/sampling.ts';
import { PlanDefinition } from './definition.ts';

/** A plan's id and name, as every plan verb reads them. */
export const PlanId = z.number().int().positive();
export const PlanName = plainText({ min: 1, minMessage: 'name is required', max: 120 });

/** Only managers write plans. */
export const requirePlanManager = (ctx: Ctx) => {
  if (!canManageSampling(ctx.principal)) throw forbidden('Only admins and QA analysts manage sampling plans');
};

/** A second plan of the same name in one program: the unique index answers, the verb says it in words. */
export const isUniqueViolation = (e: unknown) =>
  /UNIQUE constraint failed/i.test(String((e as { cause?: unknown })?.cause ?? e) + String(e));

/** Two plan definitions that draw the same (compared after parsing, so defaults and key order do not matter). */
export function sameDefinition(a: unknown, b: unknown): boolean {
  return JSON.stringify(PlanDefinition.parse(a)) === JSON.stringify(PlanDefinition.parse(b));
}
