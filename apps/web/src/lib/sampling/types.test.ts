import { describe, expect, it } from 'vitest';
import { PlanDefinition } from '@attentive/shared/sampling-plan';
import { DEFAULT_DEFINITION, periodText } from './types';

describe('DEFAULT_DEFINITION: the shared schema with a new plan’s starting values', () => {
  it('is a complete definition the API accepts unchanged', () => {
    expect(PlanDefinition.parse(DEFAULT_DEFINITION)).toEqual(DEFAULT_DEFINITION);
  });
  it('starts at 4 calls per agent (8 for agents hired in the last 3 months), calls of 30 s or more', () => {
    expect(DEFAULT_DEFINITION.quota).toEqual({
      perAgent: 4,
      percentOfEligible: null,
      newAgent: { months: 3, perAgent: 8 },
      min: null,
      max: null
    });
    expect(DEFAULT_DEFINITION.filters.minTalkSeconds).toBe(30);
    expect(DEFAULT_DEFINITION.filters.maxTalkSeconds).toBeNull();
  });
  it('takes every other field from the schema’s defaults', () => {
    const { quota: _q, filters: _f, ...rest } = DEFAULT_DEFINITION;
    const { quota: _q2, filters: _f2, ...schema } = PlanDefinition.parse({ quota: { perAgent: 0 } });
    expect(rest).toEqual(schema);
    expect(rest).toMatchObject({ period: 'week', timezone: 'Europe/Amsterdam', assignment: { mode: 'own_team', dueDays: 7 } });
  });
});

describe('sampling formatting', () => {
  it('periodText reads either shape of a period', () => {
    expect(periodText({ from: '2026-11-23', to: '2026-11-30' })).toBe(periodText({ periodFrom: '2026-11-23', periodTo: '2026-11-30' }));
  });
});
