import { ScorecardDefinition, type ScorecardDefinitionInput, choiceOf } from '@attentive/shared/scorecard';
import type { Db } from '../client.ts';
import { scorecards, scorecardVersions } from '../schema/scorecards.ts';

/**
 * The demo scorecard: one shared default that scores every demo program, built to show the central
 * distinction of the product — customer-friendly items (the polite script-reader passes these) beside
 * customer-oriented items (only an agent who works for the customer's outcome passes these) — and two
 * compliance items that fail the whole evaluation.
 */
type SectionInput = ScorecardDefinitionInput['sections'][number];
const yesNo = { type: 'yes_no' } as const;

const opening: SectionInput = {
  id: 'opening',
  title: 'Opening and tone',
  description: 'How the customer is received. Customer-friendly: pleasant and correct.',
  items: [
    {
      id: 'greeting',
      text: 'Greets with own name and the company name',
      guidance:
        'Pass: the agent names the company and themselves in the first sentence. Example: "Good morning, Energie Noord, you are speaking with Sam." A bare "Hello?" or only the company name is a fail.',
      answer: yesNo,
      weight: 2,
      dimension: 'customer_friendly'
    },
    {
      id: 'uses-name',
      text: "Uses the customer's name",
      guidance:
        'Pass: the agent addresses the customer by name at least once after learning it. Example: "Thank you, Mrs de Vries, I can see your contract." N.A. when the customer never gives a name (anonymous question).',
      answer: yesNo,
      weight: 1,
      naAllowed: true,
      dimension: 'customer_friendly'
    },
    {
      id: 'courteous-tone',
      text: 'Courteous, patient tone throughout',
      guidance:
        '5: warm and patient even when the customer is not. 3: correct but flat or hurried. 1: curt, irritated or condescending. Example of a 5: the customer repeats the question for the third time and the agent answers as if it were the first.',
      answer: { type: 'scale', min: 1, max: 5 },
      weight: 3,
      dimension: 'customer_friendly'
    },
    {
      id: 'no-interrupting',
      text: 'Lets the customer finish; no interrupting',
      guidance:
        'Pass: the agent does not talk over the customer (short acknowledgements such as "mm-hm" are fine). Fail: the agent cuts in before the customer has finished explaining, more than once.',
      answer: yesNo,
      weight: 2,
      dimension: 'customer_friendly'
    },
    {
      id: 'empathy',
      text: 'Acknowledges how the customer feels',
      guidance:
        'Pass: when the customer shows frustration or worry, the agent names it before solving. Example: "I understand a bill this high is a shock." N.A. when the call has no emotional moment.',
      answer: yesNo,
      weight: 2,
      naAllowed: true,
      dimension: 'customer_friendly'
    }
  ]
};

const understanding: SectionInput = {
  id: 'understanding',
  title: 'Understanding the need',
  description: 'Customer-oriented: finding what the customer really needs, not only what they asked.',
  items: [
    {
      id: 'need-behind-question',
      text: 'Asks a question to find the need behind the question',
      guidance:
        'Fully: the agent asks why and acts on the answer. Example: the customer asks for a copy of the bill; the agent asks "Is something on it unclear?" and finds the customer thinks the advance payment is too high. Partly: asks, but does not act on the answer. Not: handles only the literal request.',
      answer: choiceOf(
        ['fully', 'Fully: asks and acts on it', 2],
        ['partly', 'Partly: asks, does not act on it', 1],
        ['not', 'Not: handles only the literal request', 0]
      ),
      weight: 4,
      dimension: 'customer_oriented'
    },
    {
      id: 'correct-information',
      text: 'Information given is correct and complete',
      guidance:
        'Pass: everything the agent tells the customer is right (amounts, dates, conditions). Fail: wrong information the customer will act on, e.g. a wrong cancellation period. Failing this item fails the section (customer-critical).',
      answer: yesNo,
      weight: 3,
      dimension: 'customer_oriented',
      critical: { class: 'customer', failScope: 'section' }
    }
  ]
};

const resolution: SectionInput = {
  id: 'resolution',
  title: 'Ownership and resolution',
  description: 'Customer-oriented: working for the outcome. A polite script-reader fails most of these.',
  items: [
    {
      id: 'ownership-no-transfer',
      text: 'Takes ownership instead of sending the customer elsewhere',
      guidance:
        'Pass: the agent solves it, or arranges the hand-over themselves with the case explained ("I have passed your meter reading to the billing team; they will not ask you again"). Fail: "You will have to call the other department" or a cold transfer. N.A. when policy requires a specialist and the agent does a warm transfer.',
      answer: yesNo,
      weight: 4,
      naAllowed: true,
      dimension: 'customer_oriented'
    },
    {
      id: 'first-contact-resolution',
      text: 'Resolved on this contact',
      guidance:
        'Resolved: nothing left for the customer to do. With a follow-up: resolved, but the customer waits for a step the agent has arranged. Not resolved: the customer must call again or act themselves.',
      answer: choiceOf(
        ['resolved', 'Resolved', 2],
        ['follow-up', 'Resolved with an arranged follow-up', 1],
        ['not-resolved', 'Not resolved', 0]
      ),
      weight: 4,
      dimension: 'customer_oriented'
    },
    {
      id: 'next-step-unasked',
      text: 'Offers the next step before being asked',
      guidance:
        'Pass: the agent anticipates the next question. Example: after changing the payment date, "Your next advance will then be taken on the 28th; shall I send you the new schedule?" Fail: the customer has to ask "And what happens now?"',
      answer: yesNo,
      weight: 3,
      dimension: 'customer_oriented'
    },
    {
      id: 'promise-with-time',
      text: 'A promise comes with a concrete time',
      guidance:
        'Pass: every promise says what and when. Example: "You will have the confirmation by e-mail before 17:00 today." Fail: "Someone will get back to you." N.A. when nothing is promised.',
      answer: yesNo,
      weight: 3,
      naAllowed: true,
      dimension: 'customer_oriented'
    },
    {
      id: 'promise-checked',
      text: 'Checks an earlier promise was kept',
      guidance:
        'Pass: when the history shows an earlier promise (a callback, an e-mail, a repair), the agent checks it and says so. Example: "I see we promised you a callback on Monday — I am sorry that did not happen; I will arrange it now." N.A. when there was no earlier promise.',
      answer: yesNo,
      weight: 2,
      naAllowed: true,
      dimension: 'customer_oriented'
    },
    {
      id: 'root-cause-flagged',
      text: 'Flags a root cause so it is fixed for others (bonus)',
      guidance:
        'Bonus: the agent tags or reports what caused the call so the organisation can fix it. Example: "This is the third invoice this week with the wrong meter; I am reporting it to billing." Adds points, never costs any.',
      answer: yesNo,
      weight: 2,
      required: false,
      bonus: true,
      dimension: 'customer_oriented'
    }
  ]
};

const closing: SectionInput = {
  id: 'closing',
  title: 'Closing',
  description: '',
  items: [
    {
      id: 'correct-closing',
      text: 'Closes correctly: summary, anything else, goodbye',
      guidance:
        'Pass: the agent summarises what was agreed, asks whether there is anything else and says goodbye with the company name. Example: "So the new advance is €85 from March. Is there anything else I can do for you? Thank you for calling Energie Noord."',
      answer: yesNo,
      weight: 2,
      dimension: 'customer_friendly'
    }
  ]
};

const compliance: SectionInput = {
  id: 'compliance',
  title: 'Compliance',
  description: 'Failing a critical item here fails the whole evaluation.',
  items: [
    {
      id: 'identity-check',
      text: 'Verifies identity before discussing the account',
      guidance:
        'Pass: the agent checks two identifiers (e.g. postcode and date of birth) before giving or changing any account information. Fail: account details given or changed without a check. N.A. for general questions that touch no account.',
      answer: yesNo,
      weight: 2,
      naAllowed: true,
      dimension: 'compliance',
      critical: { class: 'compliance', failScope: 'evaluation' }
    },
    {
      id: 'no-card-data',
      text: 'No card data spoken into the recording',
      guidance:
        'Pass: card numbers and security codes go through the secure payment line (pause-and-resume or IVR). Fail: the agent asks for, or repeats, a card number or CVC on the recorded line.',
      answer: yesNo,
      weight: 2,
      dimension: 'compliance',
      critical: { class: 'compliance', failScope: 'evaluation' }
    },
    {
      id: 'recording-notice',
      text: 'Required disclosure: the call is recorded',
      guidance:
        'Pass: the agent (or the menu, shown in the call facts) tells the customer the call is recorded. N.A. on outbound follow-up calls where the notice was given in the first call.',
      answer: yesNo,
      weight: 1,
      naAllowed: true,
      dimension: 'compliance'
    }
  ]
};

/** Version 1 (published first), without the promise check; version 2 adds it. */
export const demoScorecardV2: ScorecardDefinitionInput = { sections: [opening, understanding, resolution, closing, compliance] };
export const demoScorecardV1: ScorecardDefinitionInput = {
  sections: [
    opening,
    understanding,
    { ...resolution, items: resolution.items.filter((i) => i.id !== 'promise-checked' && i.id !== 'root-cause-flagged') },
    closing,
    compliance
  ]
};

const DAY_MS = 86_400_000;

/** Seeds the shared default scorecard with two published versions (history) for a demo tenant. */
export async function seedDemoScorecards(db: Db, tenantId: number, now = new Date()): Promise<{ scorecardId: number; versionId: number }> {
  const v1 = ScorecardDefinition.parse(demoScorecardV1);
  const v2 = ScorecardDefinition.parse(demoScorecardV2);
  return db.transaction(async (tx) => {
    const by = 'system:demo';
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
    const [sc] = await tx
      .insert(scorecards)
      .values({
        tenantId,
        programId: null,
        name: 'Friendly × oriented — standard call scorecard',
        description: 'Scores every program that has no scorecard of its own. Separates customer-friendly from customer-oriented behaviour.',
        createdAt: at(120),
        createdBy: by
      })
      .returning();
    const common = { tenantId, scorecardId: sc!.id, status: 'published' as const, createdBy: by, publishedBy: by };
    await tx.insert(scorecardVersions).values({
      ...common,
      version: 1,
      definition: v1,
      note: 'First release',
      createdAt: at(120),
      updatedAt: at(110),
      publishedAt: at(110)
    });
    const [current] = await tx
      .insert(scorecardVersions)
      .values({
        ...common,
        version: 2,
        definition: v2,
        note: 'Adds "checks an earlier promise" and the root-cause bonus',
        createdAt: at(100),
        updatedAt: at(95),
        publishedAt: at(95)
      })
      .returning();
    return { scorecardId: sc!.id, versionId: current!.id };
  });
}
