import { type ErrorDetail, invalid } from '../../errors.ts';

/** How a mystery call went: someone answered, nobody ever did, or the shopper hung up waiting. */
export type MysteryOutcome = 'answered' | 'never_answered' | 'gave_up';

/**
 * What a shopper reports about one mystery call (the timing part of the form plus the scenario checks).
 * Times are instants; counts are whole numbers. Fields that only make sense when a person answered
 * (answeredAt, resolved, the agent's name, the scenario checks) are null otherwise.
 */
export type MysteryCallReport = {
  dialledAt: Date;
  outcome: MysteryOutcome;
  answeredAt: Date | null;
  gaveUpAfterSeconds: number | null;
  menuSteps: number;
  menuChoices: string[];
  holdSeconds: number;
  transfers: number;
  resolved: boolean | null;
  agentNameGiven: string | null;
  rightAnswerGiven: boolean | null;
  opportunityTaken: boolean | null;
  notes: string;
};

/** Limits a person can actually reach on a phone call; anything beyond is a typo. */
export const REPORT_LIMITS = {
  /** Four hours: longer than any real wait, hold or call. */
  maxSeconds: 4 * 60 * 60,
  maxMenuSteps: 20,
  maxTransfers: 20,
  menuChoiceLength: 100,
  agentNameLength: 100,
  notesLength: 4000,
  /** Clock difference tolerated between the shopper's phone and the server before "in the future" is refused. */
  futureSlackMs: 5 * 60 * 1000
} as const;

/**
 * Every problem with a report, one per field (path = the field name, after `prefix`), in form order.
 * Pure: `now` is passed in, so the demo data and tests can check rows without a clock.
 */
export function reportProblems(r: MysteryCallReport, now: Date, prefix = ''): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.path === prefix + field)) problems.push({ path: prefix + field, message });
  };
  const answered = r.outcome === 'answered';
  const latest = now.getTime() + REPORT_LIMITS.futureSlackMs;

  if (!isInstant(r.dialledAt)) add('dialledAt', 'Dialled at must be a valid date and time');
  else if (r.dialledAt.getTime() > latest) add('dialledAt', 'Dialled at cannot be in the future');

  if (answered) {
    if (r.answeredAt == null) add('answeredAt', 'Answered at is required when a person answered');
    else if (!isInstant(r.answeredAt)) add('answeredAt', 'Answered at must be a valid date and time');
    else if (isInstant(r.dialledAt) && r.answeredAt.getTime() < r.dialledAt.getTime())
      add('answeredAt', 'Answered at cannot be before dialled at');
    else if (r.answeredAt.getTime() > latest) add('answeredAt', 'Answered at cannot be in the future');
    else if (isInstant(r.dialledAt) && r.answeredAt.getTime() - r.dialledAt.getTime() > REPORT_LIMITS.maxSeconds * 1000)
      add('answeredAt', 'Answered at is more than four hours after dialled at');
  } else if (r.answeredAt != null) add('answeredAt', 'Answered at is only given when a person answered');

  if (r.outcome === 'gave_up') {
    if (r.gaveUpAfterSeconds == null) add('gaveUpAfterSeconds', 'Say after how many seconds you gave up');
    else countProblem(r.gaveUpAfterSeconds, 1, REPORT_LIMITS.maxSeconds, (m) => add('gaveUpAfterSeconds', m));
  } else if (r.gaveUpAfterSeconds != null) add('gaveUpAfterSeconds', 'Gave up after is only given when you gave up');

  countProblem(r.menuSteps, 0, REPORT_LIMITS.maxMenuSteps, (m) => add('menuSteps', m));
  if (r.menuSteps >= 0 && r.menuChoices.length > r.menuSteps) add('menuChoices', 'More menu choices than menu steps');
  r.menuChoices.forEach((c, i) => {
    if (c.trim() === '') add(`menuChoices.${i}`, 'A menu choice cannot be empty');
    else if (c.length > REPORT_LIMITS.menuChoiceLength)
      add(`menuChoices.${i}`, `A menu choice is at most ${REPORT_LIMITS.menuChoiceLength} characters`);
  });
  countProblem(r.holdSeconds, 0, REPORT_LIMITS.maxSeconds, (m) => add('holdSeconds', m));
  countProblem(r.transfers, 0, REPORT_LIMITS.maxTransfers, (m) => add('transfers', m));

  // What only a conversation can tell: required when answered, absent otherwise.
  for (const field of ['resolved', 'rightAnswerGiven', 'opportunityTaken'] as const) {
    if (answered && r[field] == null) add(field, 'Answer yes or no');
    if (!answered && r[field] != null) add(field, 'Only given when a person answered');
  }
  if (r.agentNameGiven != null) {
    if (!answered) add('agentNameGiven', "The agent's name is only given when a person answered");
    else if (r.agentNameGiven.length > REPORT_LIMITS.agentNameLength)
      add('agentNameGiven', `The agent's name is at most ${REPORT_LIMITS.agentNameLength} characters`);
  }
  if (r.notes.length > REPORT_LIMITS.notesLength) add('notes', `Notes are at most ${REPORT_LIMITS.notesLength} characters`);
  return problems;
}

/** Throws a VALIDATION error naming every problem (see reportProblems); returns nothing when the report is sound. */
export function validateReport(r: MysteryCallReport, now: Date, prefix = ''): void {
  const problems = reportProblems(r, now, prefix);
  if (problems.length > 0) throw invalid(`Invalid report: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
}

const isInstant = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());

function countProblem(n: number, min: number, max: number, report: (message: string) => void) {
  if (!Number.isInteger(n)) report('Must be a whole number');
  else if (n < min) report(min === 0 ? 'Cannot be negative' : `Must be at least ${min}`);
  else if (n > max) report(`Must be at most ${max}`);
}
