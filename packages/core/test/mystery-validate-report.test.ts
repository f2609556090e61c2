import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.ts';
import { type MysteryCallReport, REPORT_LIMITS, reportProblems, validateReport } from '../src/mystery/calls/validate-report.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
const DIALLED = new Date('2026-12-02T09:00:00Z');

const answered = (over: Partial<MysteryCallReport> = {}): MysteryCallReport => ({
  dialledAt: DIALLED,
  outcome: 'answered',
  answeredAt: new Date(DIALLED.getTime() + 45_000),
  gaveUpAfterSeconds: null,
  menuSteps: 2,
  menuChoices: ['2 — billing', '1 — annual statement'],
  holdSeconds: 30,
  transfers: 1,
  resolved: true,
  agentNameGiven: 'Sanne',
  rightAnswerGiven: true,
  opportunityTaken: false,
  notes: '',
  ...over
});
const unanswered = (outcome: 'never_answered' | 'gave_up', over: Partial<MysteryCallReport> = {}): MysteryCallReport =>
  answered({
    outcome,
    answeredAt: null,
    gaveUpAfterSeconds: outcome === 'gave_up' ? 120 : null,
    resolved: null,
    agentNameGiven: null,
    rightAnswerGiven: null,
    opportunityTaken: null,
    ...over
  });
const paths = (r: MysteryCallReport) => reportProblems(r, NOW).map((p) => p.path);

/** Any sound report: the generator the properties start from. */
const soundReport = fc
  .record({
    dialledOffset: fc.integer({ min: 0, max: 90 * 24 * 3600 }),
    outcome: fc.constantFrom('answered', 'never_answered', 'gave_up' as const),
    wait: fc.integer({ min: 0, max: 3600 }),
    menuSteps: fc.integer({ min: 0, max: REPORT_LIMITS.maxMenuSteps }),
    holdSeconds: fc.integer({ min: 0, max: 3600 }),
    transfers: fc.integer({ min: 0, max: REPORT_LIMITS.maxTransfers }),
    flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean())
  })
  .map(({ dialledOffset, outcome, wait, menuSteps, holdSeconds, transfers, flags }): MysteryCallReport => {
    const dialledAt = new Date(NOW.getTime() - dialledOffset * 1000 - wait * 1000);
    const base = { menuSteps, menuChoices: Array.from({ length: menuSteps }, (_, i) => `${i + 1}`), holdSeconds, transfers };
    if (outcome === 'answered')
      return answered({
        dialledAt,
        answeredAt: new Date(dialledAt.getTime() + wait * 1000),
        ...base,
        resolved: flags[0],
        rightAnswerGiven: flags[1],
        opportunityTaken: flags[2]
      });
    return unanswered(outcome, { dialledAt, ...base, gaveUpAfterSeconds: outcome === 'gave_up' ? wait + 1 : null });
  });

describe("validating a shopper's report of a mystery call", () => {
  it('accepts a sound report of each outcome', () => {
    expect(reportProblems(answered(), NOW)).toEqual([]);
    expect(reportProblems(unanswered('never_answered'), NOW)).toEqual([]);
    expect(reportProblems(unanswered('gave_up'), NOW)).toEqual([]);
    expect(() => validateReport(answered(), NOW)).not.toThrow();
  });

  it('refuses an answer before the dial, naming answeredAt', () => {
    const problems = reportProblems(answered({ answeredAt: new Date(DIALLED.getTime() - 1000) }), NOW);
    expect(problems).toEqual([{ path: 'answeredAt', message: 'Answered at cannot be before dialled at' }]);
  });

  it('refuses negative hold, transfers and menu steps, each by its own path', () => {
    expect(paths(answered({ holdSeconds: -1 }))).toEqual(['holdSeconds']);
    expect(paths(answered({ transfers: -2 }))).toEqual(['transfers']);
    expect(paths(answered({ menuSteps: -1, menuChoices: [] }))).toEqual(['menuSteps']);
    expect(paths(answered({ holdSeconds: 1.5 }))).toEqual(['holdSeconds']);
    expect(reportProblems(answered({ holdSeconds: -1 }), NOW)[0]?.message).toBe('Cannot be negative');
  });

  it('wants answeredAt exactly when a person answered, and gave-up seconds exactly when the shopper gave up', () => {
    expect(paths(answered({ answeredAt: null }))).toEqual(['answeredAt']);
    expect(paths(unanswered('never_answered', { answeredAt: DIALLED }))).toEqual(['answeredAt']);
    expect(paths(unanswered('gave_up', { gaveUpAfterSeconds: null }))).toEqual(['gaveUpAfterSeconds']);
    expect(paths(unanswered('gave_up', { gaveUpAfterSeconds: 0 }))).toEqual(['gaveUpAfterSeconds']);
    expect(paths(answered({ gaveUpAfterSeconds: 30 }))).toEqual(['gaveUpAfterSeconds']);
  });

  it('refuses a call dialled (or answered) in the future, beyond a few minutes of clock difference', () => {
    expect(paths(answered({ dialledAt: new Date(NOW.getTime() + 60_000), answeredAt: new Date(NOW.getTime() + 90_000) }))).toEqual([]);
    expect(paths(unanswered('never_answered', { dialledAt: new Date(NOW.getTime() + 3600_000) }))).toEqual(['dialledAt']);
    expect(paths(answered({ answeredAt: new Date(NOW.getTime() + 3600_000) }))).toEqual(['answeredAt']);
    expect(paths(answered({ dialledAt: new Date('nonsense') }))).toEqual(['dialledAt']);
  });

  it('takes what only a conversation tells (resolved, the checks, the name) only when answered, and wants the checks then', () => {
    expect(
      paths(unanswered('never_answered', { resolved: false, rightAnswerGiven: true, opportunityTaken: false, agentNameGiven: 'Sanne' }))
    ).toEqual(['resolved', 'rightAnswerGiven', 'opportunityTaken', 'agentNameGiven']);
    expect(paths(answered({ resolved: null, rightAnswerGiven: null, opportunityTaken: null }))).toEqual([
      'resolved',
      'rightAnswerGiven',
      'opportunityTaken'
    ]);
    expect(paths(answered({ agentNameGiven: null }))).toEqual([]);
  });

  it('limits text lengths and menu choices to the steps taken', () => {
    expect(paths(answered({ agentNameGiven: 'x'.repeat(REPORT_LIMITS.agentNameLength + 1) }))).toEqual(['agentNameGiven']);
    expect(paths(answered({ notes: 'x'.repeat(REPORT_LIMITS.notesLength + 1) }))).toEqual(['notes']);
    expect(paths(answered({ menuChoices: ['1', 'x'.repeat(REPORT_LIMITS.menuChoiceLength + 1)] }))).toEqual(['menuChoices.1']);
    expect(paths(answered({ menuChoices: ['1', ' '] }))).toEqual(['menuChoices.1']);
    expect(paths(answered({ menuSteps: 1 }))).toEqual(['menuChoices']);
  });

  it('throws one VALIDATION error with a path per problem, under a prefix', () => {
    let error: unknown;
    try {
      validateReport(answered({ holdSeconds: -1, answeredAt: new Date(DIALLED.getTime() - 1) }), NOW, 'report.');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).details?.map((d) => d.path)).toEqual(['report.answeredAt', 'report.holdSeconds']);
  });

  it('property: every sound report passes', () => {
    fc.assert(fc.property(soundReport, (r) => reportProblems(r, NOW).length === 0));
  });

  it('property: moving the answer before the dial is always refused at answeredAt, and nothing else', () => {
    fc.assert(
      fc.property(soundReport, fc.integer({ min: 1, max: 3600_000 }), (r, ms) => {
        if (r.outcome !== 'answered') return true;
        const bad = { ...r, answeredAt: new Date(r.dialledAt.getTime() - ms) };
        expect(paths(bad)).toEqual(['answeredAt']);
        return true;
      })
    );
  });

  it('property: a negative count is always refused at its own path, and only there', () => {
    fc.assert(
      fc.property(
        soundReport,
        fc.constantFrom('holdSeconds', 'transfers' as const),
        fc.integer({ min: -10_000, max: -1 }),
        (r, field, n) => {
          expect(paths({ ...r, [field]: n })).toEqual([field]);
          return true;
        }
      )
    );
  });
});
