import type { LowAnswerSplit } from '@attentive/shared/survey-results';
import type { SurveyAttribution, SurveyQuestionKind } from '@attentive/shared/surveys';
import { wilsonInterval } from '../../stats/intervals.ts';

export type LowReason = { kind: SurveyQuestionKind; attribution: SurveyAttribution };

/**
 * The split of low answers (isLowAnswer: those that raise an alert) by whose doing they judge, as the
 * template version said when the customer answered: the share of responses with an agent-attributable low
 * answer, the share with a process-attributable one (a response can have both), and the count per question
 * kind. `lowByResponse` holds the low answers of each response that had any (its alert's reasons). Pure.
 */
export function lowAnswerSplit(responses: number, lowByResponse: readonly (readonly LowReason[])[]): LowAnswerSplit {
  let agent = 0;
  let process = 0;
  const counts = new Map<string, { kind: SurveyQuestionKind; attribution: SurveyAttribution; count: number }>();
  for (const reasons of lowByResponse) {
    if (reasons.some((r) => r.attribution === 'agent')) agent++;
    if (reasons.some((r) => r.attribution === 'process')) process++;
    for (const r of reasons) {
      const key = `${r.kind}|${r.attribution}`;
      const c = counts.get(key) ?? { kind: r.kind, attribution: r.attribution, count: 0 };
      c.count++;
      counts.set(key, c);
    }
  }
  return {
    responsesWithLow: lowByResponse.length,
    agentShare: wilsonInterval(agent, responses),
    processShare: wilsonInterval(process, responses),
    byKind: [...counts.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
  };
}
