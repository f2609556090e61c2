import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import { demoScorecardV2 } from './scorecards.ts';

/**
 * What the demo's mystery calls are made of, as plain data: the mystery-call form of a program and the
 * scenario library of the two programs that have mystery calls (EN-CARE, which the demo energy auditor sees,
 * and TC-CARE of the telecom client).
 */

type SectionInput = ScorecardDefinitionInput['sections'][number];
type ItemInput = SectionInput['items'][number];

/** The call scorecard's item with this id, unchanged: the same id and definition make it compare directly. */
function callItem(id: string): ItemInput {
  const item = demoScorecardV2.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (!item) throw new Error(`demo call scorecard has no item "${id}"`);
  return item;
}

const yesNo = { type: 'yes_no' } as const;

/** Items only a mystery call can score: the shopper knows the scenario's opportunity and sat through the wait. */
const mysteryOnly = {
  waitAcknowledged: {
    id: 'wait-acknowledged',
    text: 'Acknowledges a long wait',
    guidance:
      'Pass: after a wait of more than a minute the agent names it ("Sorry you had to wait so long"). N.A. when the call was answered within a minute.',
    answer: yesNo,
    weight: 1,
    naAllowed: true,
    dimension: 'customer_friendly'
  },
  offeredNow: {
    id: 'offered-to-send-now',
    text: 'Offers to send or arrange it right away',
    guidance:
      "Pass: the agent does the scenario's oriented step unasked, on this call. Example: the customer asks for the annual statement; the agent checks the e-mail address and sends it while the customer is on the line. Fail: the customer is told where to find it.",
    answer: yesNo,
    weight: 3,
    dimension: 'customer_oriented'
  },
  contactDetails: {
    id: 'checked-contact-details',
    text: "Checks the customer's e-mail address or phone number",
    guidance: 'Pass: the agent confirms the contact details on file while the customer is on the line, so later messages arrive.',
    answer: yesNo,
    weight: 2,
    dimension: 'customer_oriented'
  }
} satisfies Record<string, ItemInput>;

export const MYSTERY_ONLY_ITEM_IDS = Object.values(mysteryOnly).map((i) => i.id);

/** The mystery-call form: the comparable items of the call scorecard (same ids) plus the mystery-only ones. */
export const demoMysteryScorecard: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'opening',
      title: 'Opening and tone',
      description: 'The same items as on the call scorecard, plus how the wait is handled.',
      items: [callItem('greeting'), callItem('courteous-tone'), callItem('no-interrupting'), mysteryOnly.waitAcknowledged]
    },
    {
      id: 'understanding',
      title: "The scenario's question",
      description: 'The shopper knows the right answer and the oriented opportunity of the scenario.',
      items: [callItem('need-behind-question'), callItem('correct-information'), mysteryOnly.offeredNow, mysteryOnly.contactDetails]
    },
    {
      id: 'resolution',
      title: 'Ownership and resolution',
      description: '',
      items: [callItem('first-contact-resolution'), callItem('next-step-unasked')]
    },
    { id: 'closing', title: 'Closing', description: '', items: [callItem('correct-closing'), callItem('recording-notice')] }
  ]
};

export type DemoScenario = {
  title: string;
  story: string;
  question: string;
  rightAnswer: string;
  orientedOpportunity: string;
  difficulty: 'easy' | 'medium' | 'hard';
  /** A second version, written a week before this month's plan (the first stays with last month's calls). */
  v2?: { rightAnswer: string; note: string };
  /** Retired a week before this month's plan: last month's calls keep it, this month's plan leaves it out. */
  retired?: true;
};

export type DemoMysteryProgram = {
  code: string;
  calls: number;
  /** The phone menu, one list of choices per step; a call takes the first 2–4 steps. */
  menu: string[][];
  scenarios: DemoScenario[];
};

export const DEMO_MYSTERY_PROGRAMS: DemoMysteryProgram[] = [
  {
    code: 'EN-CARE',
    calls: 72,
    menu: [
      ['1 — Klantenservice'],
      ['1 — Meterstanden', '2 — Facturen en termijnbedrag'],
      ['3 — Overige vragen'],
      ['0 — Een medewerker spreken']
    ],
    scenarios: [
      {
        title: 'Copy of the annual statement',
        story:
          'You are Mrs Jansen, a customer for six years. Your mortgage adviser needs last year’s annual statement and you cannot find it.',
        question: '“Kunt u mij een kopie van mijn jaarnota sturen?”',
        rightAnswer:
          'The annual statement can be sent by e-mail or post at no cost; it is also on the customer portal under "Mijn facturen".',
        orientedOpportunity: 'Checks the e-mail address on file and offers to send the statement now, while the customer is on the line.',
        difficulty: 'easy',
        v2: {
          rightAnswer:
            'The annual statement can be sent by e-mail or post at no cost; it is also in the app and on the portal under "Documenten" (moved in the new portal).',
          note: 'The portal moved the statements to "Documenten".'
        }
      },
      {
        title: 'Advance payment too high after solar panels',
        story: 'You had twelve solar panels installed in spring. Your monthly advance is still €165 and you think it is far too high.',
        question: '“Mijn termijnbedrag is veel te hoog sinds ik zonnepanelen heb. Kan dat omlaag?”',
        rightAnswer:
          'Yes: the advance can be lowered to the amount the expected yearly use gives; the agent asks for a current meter reading (including feed-in) to calculate it.',
        orientedOpportunity:
          'Asks for today’s meter readings on the call and sets the new advance immediately, with the date of the next debit.',
        difficulty: 'medium'
      },
      {
        title: 'Missed the meter reading deadline',
        story: 'You moved the meter reading request e-mail to a folder and forgot it. The deadline was last week.',
        question: '“Ik ben vergeten mijn meterstand door te geven. Is dat een probleem?”',
        rightAnswer:
          'No penalty: the reading is estimated, and a reading given now is still used if it is within the period of the statement.',
        orientedOpportunity: 'Takes the reading on the call and offers to switch the customer to reading reminders by text message.',
        difficulty: 'easy'
      },
      {
        title: 'What the end of net metering means',
        story: 'You read in the newspaper that "salderen" stops. You have solar panels and worry about your bill.',
        question: '“Wat betekent het einde van de salderingsregeling voor mij?”',
        rightAnswer:
          'Net metering ends on 1 January 2027; from then on feed-in is paid at the feed-in tariff and use is paid in full. Until then nothing changes.',
        orientedOpportunity: 'Looks up the customer’s own feed-in of last year and explains what it would mean in euros.',
        difficulty: 'hard'
      },
      {
        title: 'Smart meter and invoice disagree',
        story: 'Your smart meter display shows a lower total than the reading on your last invoice.',
        question: '“Op mijn slimme meter staat een andere stand dan op mijn factuur. Hoe kan dat?”',
        rightAnswer:
          'The invoice uses the reading of the statement date (sometimes an estimate); the agent compares both readings with the customer and corrects an estimate.',
        orientedOpportunity: 'Corrects the reading on the call and tells when the corrected invoice arrives.',
        difficulty: 'medium'
      },
      {
        title: 'Reminder after a failed direct debit',
        story: 'You received a payment reminder. You changed banks last month and think the direct debit went wrong.',
        question: '“Ik kreeg een herinnering, maar ik betaal toch via automatische incasso?”',
        rightAnswer:
          'The debit failed because the old account was closed; the first reminder costs nothing. Pay with the link in the reminder and the new IBAN is used from the next debit.',
        orientedOpportunity: 'Changes the IBAN on the call and offers to send the payment link now.',
        difficulty: 'medium'
      },
      {
        title: 'Tariff change letter of 1 October',
        story: 'You received a letter that your variable tariff changes on 1 October and you do not understand the new amount.',
        question: '“Wat betekent de tariefwijziging van 1 oktober voor mijn termijnbedrag?”',
        rightAnswer:
          'The variable tariff changes on 1 October; the advance is only adjusted when the expected costs change by more than 10%.',
        orientedOpportunity: 'Calculates the new advance for the customer and offers a fixed-price contract if it suits.',
        difficulty: 'hard',
        retired: true
      }
    ]
  },
  {
    code: 'TC-CARE',
    calls: 64,
    menu: [
      ['2 — Bestaande klant'],
      ['1 — Abonnement en rekening', '3 — Verhuizen'],
      ['4 — Contract opzeggen of verlengen'],
      ['0 — Een medewerker spreken']
    ],
    scenarios: [
      {
        title: 'When does my contract end?',
        story: 'You have had the same mobile subscription for three years and want to know whether you can leave.',
        question: '“Wanneer loopt mijn contract af en wat is de opzegtermijn?”',
        rightAnswer: 'After the minimum term the contract continues monthly and can be cancelled with one month’s notice.',
        orientedOpportunity: 'Looks at the customer’s actual use and offers a cheaper SIM-only plan that fits it.',
        difficulty: 'easy',
        v2: {
          rightAnswer:
            'After the minimum term the contract continues monthly and can be cancelled with one month’s notice, also in the app under "Abonnement".',
          note: 'Cancelling is now possible in the app.'
        }
      },
      {
        title: 'Higher bill: extra data bundles',
        story: 'Your bill is €38 higher than usual. You streamed a lot on holiday.',
        question: '“Mijn rekening is veel hoger dan normaal. Waar komt dat door?”',
        rightAnswer: 'Three extra data bundles were bought automatically when the monthly data ran out; that can be turned off.',
        orientedOpportunity: 'Sets a spending limit on the call and suggests a plan with more data if it happens often.',
        difficulty: 'medium'
      },
      {
        title: 'Keeping my number when I switch',
        story: 'You are coming from another provider and want to keep your 06 number.',
        question: '“Kan ik mijn nummer meenemen als ik naar jullie overstap?”',
        rightAnswer: 'Yes: number porting is free and arranged by the new provider; the old contract is then ended automatically.',
        orientedOpportunity: 'Checks the end date of the old contract so the customer pays no early-termination fee.',
        difficulty: 'medium'
      },
      {
        title: 'Taking internet along when moving',
        story: 'You move to Utrecht in six weeks and want working internet on the first day.',
        question: '“Ik ga verhuizen. Kan ik mijn internet meenemen?”',
        rightAnswer:
          'Yes, if the new address has coverage; the move is arranged free of charge at least two weeks ahead and the modem goes along.',
        orientedOpportunity: 'Checks coverage at the new address on the call and books the switch-over date.',
        difficulty: 'hard'
      },
      {
        title: 'A second SIM for my daughter',
        story: 'Your daughter turns twelve and needs her own phone subscription.',
        question: '“Is er korting als ik een tweede abonnement neem?”',
        rightAnswer: 'Yes: every extra subscription on the same account gets the family discount of €5 a month.',
        orientedOpportunity: 'Asks about the daughter’s use and suggests a plan with a spending limit for children.',
        difficulty: 'easy'
      },
      {
        title: 'Calling from Switzerland',
        story: 'You go skiing in Switzerland and want to know what calling and data cost there.',
        question: '“Wat kost bellen en internetten in Zwitserland?”',
        rightAnswer:
          'Switzerland is outside the EU bundle: a day pass of €4.99 gives 500 MB and 30 minutes; without it the rates per MB apply.',
        orientedOpportunity: 'Offers to turn on the day pass now so it works when the customer arrives.',
        difficulty: 'hard'
      },
      {
        title: 'Price increase of 1 July',
        story: 'You received an e-mail about a price increase on 1 July and want to know whether you may leave.',
        question: '“Mijn abonnement wordt duurder. Mag ik dan kosteloos opzeggen?”',
        rightAnswer: 'An increase by the yearly index (CPI) is in the terms and gives no right to cancel without cost.',
        orientedOpportunity: 'Checks whether a cheaper plan fits the customer’s use.',
        difficulty: 'medium',
        retired: true
      }
    ]
  }
];

/** First names a shopper may hear when nobody could match the call to an agent afterwards. */
export const HEARD_FIRST_NAMES = ['Sanne', 'Kevin', 'Lotte', 'Mo', 'Iris', 'Daan', 'Esra', 'Bas', 'Noor', 'Rick'];

/** A few notes a shopper writes down about the call, by what happened. */
export const SHOPPER_NOTES = {
  longWait: ['Long wait after the last menu choice.', 'Music and "all our agents are busy" for minutes.'],
  gaveUp: ['Hung up: still waiting after the menu.', 'Gave up; the queue message kept repeating.'],
  neverAnswered: ['The line rang out and disconnected.', 'Disconnected after the menu without reaching anyone.'],
  transfer: ['Transferred once; had to explain the question again.', 'Transferred to another department.']
};
