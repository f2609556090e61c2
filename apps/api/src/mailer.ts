import nodemailer from 'nodemailer';
import type { Mailer } from '@attentive/core/surveys/links/mailer';
import type { Env } from './env.ts';

const cache = new Map<string, Mailer>();

/**
 * The e-mail sender of this environment: nodemailer over SMTP_URL (smtp:// or smtps://, credentials in the
 * URL), from MAIL_FROM. Without SMTP_URL there is none, and sending invitations is refused with a message
 * that says to set it. One transport per URL (it pools nothing; each send opens its own connection).
 */
export function mailerOf(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>): Mailer | undefined {
  const url = env.SMTP_URL;
  if (!url) return undefined;
  const key = `${url}\n${env.MAIL_FROM}`;
  let m = cache.get(key);
  if (!m) {
    const transport = nodemailer.createTransport(url);
    m = {
      async send(message) {
        await transport.sendMail({ from: env.MAIL_FROM, ...message });
      }
    };
    cache.set(key, m);
  }
  return m;
}
