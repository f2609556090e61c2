import { ROLES } from '@attentive/shared';
import { schema } from '@attentive/db';
import { systemPrincipal } from '@attentive/core';
import { storeSurveyLink } from '@attentive/core/surveys/links/issue-link';
import { callbackItems } from '../support/callback-items.ts';
import { CLIENT_ADDRESS_HEADER } from '../../src/middleware/public-rate-limit.ts';
import { noForeignIds, only, type Expectations, type Status } from './types.ts';
import type { Caller, Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Callback surveys (issue 14): single-use survey links (H4). The manager's routes: admins and QA analysts,
 * a foreign draw or item 404. The public family: every caller the same — anonymous, any role, an API token —
 * because it reads no credential at all; a foreign tenant's link works like an own one (the token is the key).
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);

/**
 * A fresh link item each time, on calls of its own (a call has at most one callback item; other areas' cells
 * use the fixture's calls) and a day of its own (one draw per plan and day).
 */
let n = 0;
async function linkItem(w: World, t: Target) {
  const org = side(w, t);
  const k = ++n;
  const [call] = await w.db
    .insert(schema.calls)
    .values({
      tenantId: org.tenantId,
      source: 'matrix-links',
      externalId: `links-${k}`,
      programId: org.programs.a.id,
      agentId: org.agents.a1.id,
      direction: 'inbound',
      startedAt: new Date('2026-11-30T10:00:00Z'),
      talkSeconds: 120
    })
    .returning({ id: schema.calls.id });
  const day = new Date(Date.UTC(2061, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
  const made = await callbackItems(w.db, { callIds: [call!.id], channel: 'link', day });
  if (t === 'foreign') foreignDraws(w).add(made.drawId);
  return made;
}
const foreignDraws = perWorld('surveys.foreignDraws', () => new Set<number>());

/** A working token of a fresh item. */
async function token(w: World, t: Target) {
  const made = await linkItem(w, t);
  const org = side(w, t);
  const { token } = await w.db.transaction((tx) =>
    storeSurveyLink(tx, {
      item: { id: made.items[0]!.id, tenantId: org.tenantId, linkValidHours: 24 * 365 * 100 },
      at: new Date(),
      sentVia: 'manual',
      who: { principal: systemPrincipal(org.tenantId, 'matrix') }
    })
  );
  return token;
}

/** Each public request from an address of its own: the matrix tests who may, not the rate limit. */
let address = 0;
const fromOwnAddress = () => ({ [CLIENT_ADDRESS_HEADER]: `10.77.${Math.floor(++address / 250)}.${address % 250}` });

const ok = (s: number) => ({ own: s, foreign: 404 });
const managers = (s: number | Status) => only({ admin: typeof s === 'number' ? ok(s) : s, qa_analyst: typeof s === 'number' ? ok(s) : s });
/** Every caller, signed in or not, the same status. */
const everyoneAlike = (s: number) => ({ anonymous: s, ...Object.fromEntries(ROLES.map((r) => [r, s])) }) as Record<Caller, Status>;

const answers = { csat: 5, solved: true, effort: 7, recommend: 10 };

export const surveysLinksExpectations: Expectations = {
  'GET /api/surveys/links/draws': {
    request: async (w) => (await linkItem(w, 'foreign'), { path: '/api/surveys/links/draws?days=366' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b: { items: { drawId: number }[] }) => b.items.map((d) => ({ id: d.drawId })),
      (w) => [...foreignDraws(w)]
    )
  },
  'GET /api/surveys/links': {
    request: async (w, t) => ({ path: `/api/surveys/links?drawId=${(await linkItem(w, t)).drawId}` }),
    expect: managers(200)
  },
  // No SMTP_URL in the matrix: a manager's own draw is refused with 412 "set SMTP_URL" (the mail itself: surveys-links.test.ts).
  'POST /api/surveys/draws/{id}/invitations': {
    request: async (w, t) => ({ path: `/api/surveys/draws/${(await linkItem(w, t)).drawId}/invitations` }),
    expect: managers(412)
  },
  'POST /api/surveys/items/{id}/link': {
    request: async (w, t) => ({ path: `/api/surveys/items/${(await linkItem(w, t)).items[0]!.id}/link` }),
    expect: managers(201)
  },
  'GET /api/public/surveys/{token}': {
    request: async (w, t) => ({ path: `/api/public/surveys/${await token(w, t)}`, headers: fromOwnAddress() }),
    expect: everyoneAlike(200)
  },
  'POST /api/public/surveys/{token}': {
    request: async (w, t) => ({
      path: `/api/public/surveys/${await token(w, t)}`,
      body: { language: 'en', answers },
      headers: fromOwnAddress()
    }),
    expect: everyoneAlike(201)
  },
  'POST /api/public/surveys/{token}/opt-out': {
    request: async (w, t) => ({ path: `/api/public/surveys/${await token(w, t)}/opt-out`, headers: fromOwnAddress() }),
    expect: everyoneAlike(200)
  }
};
