/**
 * How core sends an e-mail: given in Ctx (the API builds it from SMTP_URL with nodemailer), so the verbs
 * know nothing about transports. `send` rejects when the server refused the message.
 */
export type MailMessage = { to: string; subject: string; text: string; html?: string };
export type Mailer = { send(message: MailMessage): Promise<void> };
