import { ScorecardDefinition, type ScorecardDefinitionInput, choiceOf } from '@attentive/shared/scorecard';

/** A small scorecard exercising every answer type, N.A., critical scopes and a bonus item. */
export const sampleInput: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      items: [
        { id: 'greeting', text: 'Greets with name and company', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_friendly' },
        {
          id: 'tone',
          text: 'Courteous tone',
          answer: { type: 'scale', min: 1, max: 5 },
          weight: 4,
          dimension: 'customer_friendly',
          naAllowed: true
        },
        {
          id: 'id-check',
          text: 'Verifies identity',
          answer: { type: 'yes_no' },
          weight: 1,
          dimension: 'compliance',
          naAllowed: true,
          critical: { class: 'compliance', failScope: 'section' }
        }
      ]
    },
    {
      id: 'resolution',
      title: 'Resolution',
      items: [
        {
          id: 'need',
          text: 'Finds the need behind the question',
          answer: choiceOf(['fully', 'Fully', 4], ['partly', 'Partly', 2], ['not', 'Not', 0]),
          weight: 4,
          dimension: 'customer_oriented'
        },
        {
          id: 'next-step',
          text: 'Offers the next step unasked',
          answer: { type: 'yes_no' },
          weight: 2,
          dimension: 'customer_oriented',
          naAllowed: true
        },
        {
          id: 'extra-mile',
          text: 'Goes the extra mile',
          answer: { type: 'yes_no' },
          weight: 1,
          dimension: 'customer_oriented',
          bonus: true,
          required: false
        }
      ]
    },
    {
      id: 'security',
      title: 'Security',
      items: [
        {
          id: 'no-card-data',
          text: 'No card data spoken',
          answer: { type: 'yes_no' },
          weight: 1,
          dimension: 'compliance',
          critical: { class: 'compliance', failScope: 'evaluation' }
        },
        {
          id: 'promise',
          text: 'Promise kept',
          answer: { type: 'yes_no' },
          weight: 1,
          dimension: 'customer_oriented',
          naAllowed: true,
          critical: { class: 'customer', failScope: 'section' }
        }
      ]
    }
  ]
};
export const sample = ScorecardDefinition.parse(sampleInput);
