import { createHash, randomBytes } from 'node:crypto';
import { SURVEY_TOKEN_PATTERN } from '@attentive/shared/survey-links';

/**
 * A survey link's token: 32 random bytes (256 bits) in base64url. Guessing one is hopeless, and the public
 * route is rate-limited besides. Only its sha256 is stored, so a copy of the database opens no survey.
 */
export const newSurveyToken = () => randomBytes(32).toString('base64url');

export const hashSurveyToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A string that can be a token at all; anything else is answered like an unknown token, without a lookup. */
export const isSurveyTokenShape = (token: string) => SURVEY_TOKEN_PATTERN.test(token);

/** The public page's address of a token, under the site's public URL (ORIGIN). */
export const surveyLinkUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/s/${token}`;
