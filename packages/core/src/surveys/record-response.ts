import { and, eq, isNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { SurveyAnswers } from '@attentive/shared/surveys';
import { conflict } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { Principal } from '../policy/principal.ts';
import { lowAnswers, standardColumns, validateSurveyAnswers } from './answers.ts';
import { appendAttempt } from './record-attempt.ts';

export type ResponseItem = {
  id: number;
  tenantId: number;
  drawId: number;
  callId: number;
  programId: number;
  agentId: number;
  status: string;
  attempts: number;
};

/**
 * The one writer of a survey response — the caller's form, the public link and the demo all come here, inside
 * their transaction. Checks the answers against the version's questions (VALIDATION naming each bad answer,
 * nothing stored), stores the response with its standard columns, records the completing attempt (which
 * closes the item), and raises a low-score alert to the agent's team lead when an answer asks for service
 * recovery. Refuses an item that is not open (CONFLICT): a customer answers once.
 */
export async function recordSurveyResponse(
  tx: DbOrTx,
  input: {
    item: ResponseItem;
    templateVersionId: number;
    answers: SurveyAnswers;
    channel: 'phone' | 'link';
    callerId: number | null;
    language: 'en' | 'nl';
    at: Date;
    /** Who records it, for the audit trail: the caller's principal, or e.g. "respondent:link 12". */
    who: { principal?: Principal; actor?: string; requestId?: string };
  }
): Promise<{ responseId: number; alertId: number | null }> {
  const { item, at } = input;
  if (item.status !== 'open') throw conflict(`This survey was already closed (${item.status}): a customer answers once`);
  const [version] = await tx
    .select({ questions: schema.surveyTemplateVersions.questions })
    .from(schema.surveyTemplateVersions)
    .where(eq(schema.surveyTemplateVersions.id, input.templateVersionId));
  if (!version) throw new Error(`survey template version ${input.templateVersionId} not found`);
  const answers = validateSurveyAnswers(version.questions, input.answers);

  // Claim the item's open state first: of two concurrent answers (a link opened twice), one wins.
  const claimed = await tx
    .update(schema.callbackItems)
    .set({ status: 'open' })
    .where(and(eq(schema.callbackItems.id, item.id), eq(schema.callbackItems.status, 'open'), isNull(schema.callbackItems.closedAt)))
    .returning({ id: schema.callbackItems.id });
  if (claimed.length === 0) throw conflict('This survey was already answered');

  const [response] = await tx
    .insert(schema.surveyResponses)
    .values({
      tenantId: item.tenantId,
      itemId: item.id,
      callId: item.callId,
      programId: item.programId,
      agentId: item.agentId,
      templateVersionId: input.templateVersionId,
      channel: input.channel,
      callerId: input.callerId,
      language: input.language,
      answers,
      ...standardColumns(version.questions, answers),
      respondedAt: at
    })
    .returning({ id: schema.surveyResponses.id });
  await appendAttempt(tx, item, { outcome: 'completed', callerId: input.callerId, at });

  let alertId: number | null = null;
  const low = lowAnswers(version.questions, answers);
  if (low.length > 0) {
    const [alert] = await tx
      .insert(schema.surveyAlerts)
      .values({
        tenantId: item.tenantId,
        responseId: response!.id,
        programId: item.programId,
        agentId: item.agentId,
        reasons: low,
        attribution: low.some((l) => l.attribution === 'agent') ? 'agent' : 'process',
        createdAt: at
      })
      .returning({ id: schema.surveyAlerts.id });
    alertId = alert!.id;
  }
  // The audit row names the response and its scores' presence, not the customer's words (comments stay in the response).
  await writeAudit(
    tx,
    { ...input.who, tenantId: item.tenantId },
    {
      action: 'survey.response.record',
      objectType: 'callback_item',
      objectId: item.id,
      after: { responseId: response!.id, channel: input.channel, alertId }
    },
    at
  );
  return { responseId: response!.id, alertId };
}
