import { z } from 'zod';
import { BilingualText, SurveyAnswers, SurveyLanguage, SurveyQuestionKind } from './surveys.ts';

/**
 * Single-use survey links (docs/callback-surveys-links.md): what the manager sees of a draw's links and what
 * the public survey page receives and sends. The token travels only in the customer's message and the page's
 * address; no answer here ever carries it back, nor a customer's address in full.
 */

/** A token: 32 random bytes, base64url (43 characters). Anything else is not a link of ours. */
export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Where a link item stands for the manager: not_sent (no invitation yet; `hasEmail` says whether one can be
 * sent), sent (waiting for the answer), answered, declined (the customer opted out, or the item was closed
 * otherwise), expired (sent, not answered in time).
 */
export const SURVEY_LINK_STATES = ['not_sent', 'sent', 'answered', 'declined', 'expired'] as const;
export const SurveyLinkState = z.enum(SURVEY_LINK_STATES).meta({ id: 'SurveyLinkState' });
export type SurveyLinkState = z.infer<typeof SurveyLinkState>;

export const SurveyLinkItem = z
  .object({
    itemId: z.number().int(),
    callId: z.number().int(),
    state: SurveyLinkState,
    hasEmail: z.boolean(),
    /** The address with most of it hidden (j•••@e•••.nl): enough to tell two apart, not to write to. */
    emailMasked: z.string().nullable(),
    sentAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    answeredAt: z.iso.datetime().nullable()
  })
  .meta({ id: 'SurveyLinkItem' });
export type SurveyLinkItem = z.infer<typeof SurveyLinkItem>;

export const SurveyLinkCounts = z
  .object({
    items: z.number().int(),
    notSent: z.number().int(),
    sent: z.number().int(),
    answered: z.number().int(),
    declined: z.number().int(),
    expired: z.number().int()
  })
  .meta({ id: 'SurveyLinkCounts' });
export type SurveyLinkCounts = z.infer<typeof SurveyLinkCounts>;

/** A link-channel draw with its counts (the manager's page lists them per day). */
export const SurveyLinkDraw = z
  .object({
    drawId: z.number().int(),
    day: z.string(),
    programId: z.number().int(),
    programName: z.string(),
    counts: SurveyLinkCounts
  })
  .meta({ id: 'SurveyLinkDraw' });
export type SurveyLinkDraw = z.infer<typeof SurveyLinkDraw>;

export const SurveyLinkList = z.object({ drawId: z.number().int(), counts: SurveyLinkCounts, items: z.array(SurveyLinkItem) }).meta({
  id: 'SurveyLinkList'
});

/** What sending a draw's invitations did: sent now, skipped (no e-mail, already sent or closed), failed (mail refused). */
export const InvitationResult = z
  .object({
    sent: z.number().int(),
    noEmail: z.number().int(),
    alreadySent: z.number().int(),
    closed: z.number().int()
  })
  .meta({ id: 'InvitationResult' });
export type InvitationResult = z.infer<typeof InvitationResult>;

/** A link issued by hand (to send by SMS or read out): the token and its address, shown once. */
export const IssuedSurveyLink = z
  .object({ itemId: z.number().int(), token: z.string(), url: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'IssuedSurveyLink' });

/** A question as the public page shows it: no attribution (that is the contact center's business). */
export const PublicSurveyQuestion = z
  .object({ id: z.string(), kind: SurveyQuestionKind, required: z.boolean(), text: BilingualText })
  .meta({ id: 'PublicSurveyQuestion' });
export type PublicSurveyQuestion = z.infer<typeof PublicSurveyQuestion>;

/** The public survey page: the brand, the call's day, the intro and the questions — nothing else about the call. */
export const PublicSurvey = z
  .object({
    brand: z.string(),
    /** The call's calendar day ('YYYY-MM-DD' in the contact center's time zone). */
    callDay: z.string(),
    language: SurveyLanguage,
    intro: BilingualText,
    questions: z.array(PublicSurveyQuestion),
    expiresAt: z.iso.datetime()
  })
  .meta({ id: 'PublicSurvey' });
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const PublicSurveyAnswer = z
  .object({ language: SurveyLanguage, answers: SurveyAnswers })
  .meta({ id: 'PublicSurveyAnswer', description: 'The answers by question id, and the language the customer answered in' });
export type PublicSurveyAnswer = z.infer<typeof PublicSurveyAnswer>;
