import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SURVEY_LINK_STATES, SURVEY_TOKEN_PATTERN } from '@attentive/shared/survey-links';
import { CALLBACK_ITEM_STATUSES } from '@attentive/shared/surveys';
import { countStates, linkState, maskEmail } from '../src/surveys/links/link-state.ts';
import { hashSurveyToken, isSurveyTokenShape, newSurveyToken, surveyLinkUrl } from '../src/surveys/links/token.ts';
import { invitationMail } from '../src/surveys/links/invitation-mail.ts';

// The pure parts of survey links: tokens, where a link stands, the masked address, the invitation's text.

describe('survey tokens', () => {
  it('are 43 base64url characters (256 bits), all different, and only their sha256 is kept', () => {
    const tokens = new Set(Array.from({ length: 2000 }, newSurveyToken));
    expect(tokens.size).toBe(2000);
    for (const t of tokens) {
      expect(t).toMatch(SURVEY_TOKEN_PATTERN);
      expect(isSurveyTokenShape(t)).toBe(true);
      expect(hashSurveyToken(t)).toMatch(/^[0-9a-f]{64}$/);
      expect(hashSurveyToken(t)).not.toContain(t);
    }
  });
  it('anything else is not a token: paths, padding, other lengths', () => {
    for (const bad of ['', '../me', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}=`, `${'A'.repeat(42)}/`, `${'A'.repeat(42)}.`])
      expect(isSurveyTokenShape(bad)).toBe(false);
  });
  it('the link is the public page under the public URL', () => {
    expect(surveyLinkUrl('https://qa.example.nl/', 'T'.repeat(43))).toBe(`https://qa.example.nl/s/${'T'.repeat(43)}`);
  });
});

describe('linkState', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const arbLink = fc.option(
    fc.record({
      sentAt: fc.option(fc.date({ min: new Date('2026-11-01'), max: new Date('2026-12-31'), noInvalidDate: true }), { nil: null }),
      expiresAt: fc.date({ min: new Date('2026-11-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
      usedAt: fc.option(fc.date({ min: new Date('2026-11-01'), max: new Date('2026-12-31'), noInvalidDate: true }), { nil: null })
    }),
    { nil: null }
  );
  it('every item has exactly one state, and the counts add up to the items', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...CALLBACK_ITEM_STATUSES), arbLink), { maxLength: 40 }), (rows) => {
        const states = rows.map(([status, link]) => linkState({ status }, link, now));
        for (const s of states) expect(SURVEY_LINK_STATES).toContain(s);
        const c = countStates(states);
        expect(c.notSent + c.sent + c.answered + c.declined + c.expired).toBe(rows.length);
        expect(c.items).toBe(rows.length);
      })
    );
  });
  it('answered means the item completed; "sent" only for an open item with a live, unused, sent link', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CALLBACK_ITEM_STATUSES), arbLink, (status, link) => {
        const s = linkState({ status }, link, now);
        expect(s === 'answered').toBe(status === 'completed');
        if (s === 'sent') expect(status === 'open' && link?.sentAt != null && link.usedAt == null && link.expiresAt > now).toBe(true);
      })
    );
  });
});

describe('maskEmail', () => {
  it('keeps one letter of the name and of the domain and the top-level domain', () => {
    expect(maskEmail('jan.jansen@example.nl')).toBe('j•••@e•••.nl');
    expect(maskEmail('x@localhost')).toBe('x•••@l•••');
  });
  it('never shows more than two letters of the name and the domain', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskEmail(email);
        const [name, domain] = [email.slice(0, email.lastIndexOf('@')), email.slice(email.lastIndexOf('@') + 1)];
        if (name.length > 2) expect(masked).not.toContain(name);
        const host = domain.slice(0, domain.lastIndexOf('.'));
        if (host.length > 2) expect(masked).not.toContain(host);
      })
    );
  });
});

describe('invitationMail', () => {
  const o = { to: 'a@b.nl', brand: 'TeleCom', callDay: '2026-12-01', url: `https://x/s/${'T'.repeat(43)}`, expiresDay: '2026-12-04' };
  it('speaks the customer’s language and carries the link, the brand and the last day', () => {
    const nl = invitationMail({ ...o, language: 'nl' });
    expect(nl.subject).toBe('TeleCom: hoe was uw gesprek met ons?');
    expect(nl.text).toContain(o.url);
    expect(nl.text).toContain('tot en met 2026-12-04');
    const en = invitationMail({ ...o, language: 'en' });
    expect(en.subject).toBe('TeleCom: how was your call with us?');
    expect(en.text).toContain(o.url);
    expect(en.text).toContain('until 2026-12-04');
    expect(en.to).toBe('a@b.nl');
  });
});
