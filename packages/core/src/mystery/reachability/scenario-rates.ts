import type { ScenarioRates } from '@attentive/shared/mystery-reachability';
import { wilsonInterval } from '../../stats/intervals.ts';

/** What scenario results need of one mystery call. */
export type ScenarioCall = {
  scenarioId: number;
  programId: number;
  outcome: 'answered' | 'never_answered' | 'gave_up';
  rightAnswerGiven: boolean | null;
  opportunityTaken: boolean | null;
};

class RateTally {
  calls = 0;
  answered = 0;
  right = [0, 0];
  opportunity = [0, 0];
  add(c: ScenarioCall) {
    this.calls++;
    if (c.outcome !== 'answered') return;
    this.answered++;
    if (c.rightAnswerGiven != null) {
      this.right[1]!++;
      if (c.rightAnswerGiven) this.right[0]!++;
    }
    if (c.opportunityTaken != null) {
      this.opportunity[1]!++;
      if (c.opportunityTaken) this.opportunity[0]!++;
    }
  }
  rates(): ScenarioRates {
    return {
      calls: this.calls,
      answered: this.answered,
      rightAnswer: wilsonInterval(this.right[0]!, this.right[1]!),
      opportunityTaken: wilsonInterval(this.opportunity[0]!, this.opportunity[1]!)
    };
  }
}

/**
 * Right-answer and oriented-opportunity rates per scenario and per program, with Wilson intervals, over
 * answered calls where the shopper recorded the check (an unanswered call has no agent to judge).
 */
export function scenarioRates(calls: Iterable<ScenarioCall>) {
  const perScenario = new Map<number, { programId: number; tally: RateTally }>();
  const perProgram = new Map<number, RateTally>();
  for (const c of calls) {
    let s = perScenario.get(c.scenarioId);
    if (!s) perScenario.set(c.scenarioId, (s = { programId: c.programId, tally: new RateTally() }));
    s.tally.add(c);
    let p = perProgram.get(c.programId);
    if (!p) perProgram.set(c.programId, (p = new RateTally()));
    p.add(c);
  }
  return {
    scenarios: [...perScenario.entries()].map(([scenarioId, s]) => ({ scenarioId, programId: s.programId, ...s.tally.rates() })),
    perProgram: [...perProgram.entries()].map(([programId, t]) => ({ programId, ...t.rates() }))
  };
}
