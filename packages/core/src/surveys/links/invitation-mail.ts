import type { MailMessage } from './mailer.ts';

/**
 * The invitation e-mail in the customer's language: who asks (the brand), about which call (its day only),
 * the link and until when it works, and that one answer is all it takes. Plain text: no tracking pixels,
 * no remote images, nothing that tells a third party the message was opened.
 */
export function invitationMail(o: {
  to: string;
  language: 'en' | 'nl';
  brand: string;
  callDay: string;
  url: string;
  expiresDay: string;
}): MailMessage {
  if (o.language === 'nl') {
    return {
      to: o.to,
      subject: `${o.brand}: hoe was uw gesprek met ons?`,
      text: [
        'Beste klant,',
        '',
        `U had op ${o.callDay} contact met ${o.brand}. Wilt u ons vertellen hoe dat ging? Het kost ongeveer twee minuten.`,
        '',
        o.url,
        '',
        `De link werkt tot en met ${o.expiresDay} en kan één keer gebruikt worden. Op de pagina kunt u ook aangeven dat u geen vragen meer wilt krijgen.`,
        '',
        `Met vriendelijke groet,`,
        o.brand
      ].join('\n')
    };
  }
  return {
    to: o.to,
    subject: `${o.brand}: how was your call with us?`,
    text: [
      'Dear customer,',
      '',
      `You were in touch with ${o.brand} on ${o.callDay}. Would you tell us how it went? It takes about two minutes.`,
      '',
      o.url,
      '',
      `The link works until ${o.expiresDay} and can be used once. On the page you can also tell us not to ask you again.`,
      '',
      'Kind regards,',
      o.brand
    ].join('\n')
  };
}
