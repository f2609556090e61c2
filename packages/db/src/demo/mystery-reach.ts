import type { Rng } from './prng.ts';
import { SHOPPER_NOTES } from './mystery-scenarios.ts';

/**
 * How reachable the demo contact center is when a shopper calls, as plain numbers (no database). Most calls
 * are answered within 20–40 seconds of dialling (menu included); Monday morning (08–11) and Friday afternoon
 * (14–18) are the busy spells: longer waits, more shoppers who give up or never reach anyone.
 */

/** Monday 08:00–10:59 and Friday 14:00–17:59, local time (weekday 1 = Monday). */
export const isBusySpell = (weekday: number, hour: number) =>
  (weekday === 1 && hour >= 8 && hour < 11) || (weekday === 5 && hour >= 14 && hour < 18);

export type DemoReach = {
  outcome: 'answered' | 'never_answered' | 'gave_up';
  /** Seconds in the phone menu before the queue (the intro and each choice). */
  menuSeconds: number;
  menuChoices: string[];
  /** Seconds from dialling until a person answered (answered calls only). */
  answerSeconds: number | null;
  gaveUpAfterSeconds: number | null;
  holdSeconds: number;
  transfers: number;
  notes: string;
};

/** What the shopper meets between dialling and a person (or none), for a call in this weekday and hour. */
export function demoReach(o: { weekday: number; hour: number; menu: string[][]; rng: Rng }): DemoReach {
  const { rng } = o;
  const busy = isBusySpell(o.weekday, o.hour) || rng.chance(0.03); // now and then a queue is long on a quiet day too
  const steps = rng.weighted([2, 3, 4], [0.35, 0.4, 0.25]);
  const menuChoices = o.menu.slice(0, steps).map((choices) => rng.pick(choices));
  const menuSeconds = 4 + menuChoices.reduce((s) => s + rng.int(3, 6), 0);
  const wait = busy ? rng.logNormal(60, 0.7) : rng.logNormal(7, 0.8);
  const patience = rng.logNormal(150, 0.35);
  const none = { answerSeconds: null, holdSeconds: 0, transfers: 0 };
  if (wait > patience)
    return {
      outcome: 'gave_up',
      menuSeconds,
      menuChoices,
      ...none,
      gaveUpAfterSeconds: Math.round(menuSeconds + patience),
      notes: note(rng, 'gaveUp')
    };
  if (rng.chance(busy ? 0.06 : 0.01))
    return { outcome: 'never_answered', menuSeconds, menuChoices, ...none, gaveUpAfterSeconds: null, notes: note(rng, 'neverAnswered') };
  const transfers = rng.weighted([0, 1, 2], [0.82, 0.15, 0.03]);
  const holdSeconds = rng.chance(busy ? 0.6 : 0.4) ? Math.round(rng.logNormal(40, 0.6)) : 0;
  return {
    outcome: 'answered',
    menuSeconds,
    menuChoices,
    answerSeconds: Math.max(menuSeconds + 1, Math.round(menuSeconds + wait)),
    gaveUpAfterSeconds: null,
    holdSeconds,
    transfers,
    notes: wait > 60 ? note(rng, 'longWait') : transfers > 0 ? note(rng, 'transfer') : ''
  };
}

/** A note for about half of the calls where something happened; the other half the shopper leaves it empty. */
const note = (rng: Rng, kind: keyof typeof SHOPPER_NOTES) => (rng.chance(0.5) ? rng.pick(SHOPPER_NOTES[kind]) : '');

/** Right answer and oriented opportunity: harder scenarios go wrong more often; an oriented agent takes the opportunity. */
export function demoHandling(o: { difficulty: 'easy' | 'medium' | 'hard'; transfers: number; oriented: number; rng: Rng }) {
  const { rng } = o;
  const rightAnswerGiven = rng.chance({ easy: 0.88, medium: 0.76, hard: 0.6 }[o.difficulty]);
  const opportunityTaken = rng.chance(Math.max(0.05, Math.min(0.95, 0.1 + 0.5 * o.oriented)));
  const resolved = rng.chance(o.transfers > 1 ? 0.55 : rightAnswerGiven ? 0.93 : 0.6);
  return { rightAnswerGiven, opportunityTaken, resolved };
}
