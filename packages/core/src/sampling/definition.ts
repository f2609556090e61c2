/** The plan definition is part of the API contract: declared once in @attentive/shared/sampling-plan. */
export { PlanDefinition, isTimeZone, type PlanDefinitionInput } from '@attentive/shared/sampling-plan';

/** Hour bands for proportional stratification by time of day (local hours, [from, to)). */
export const HOUR_BANDS = [
  { key: 'night', from: 0, to: 8 },
  { key: 'morning', from: 8, to: 12 },
  { key: 'afternoon', from: 12, to: 17 },
  { key: 'evening', from: 17, to: 24 }
] as const;

export function hourBand(hour: number): string {
  return HOUR_BANDS.find((b) => hour >= b.from && hour < b.to)!.key;
}
