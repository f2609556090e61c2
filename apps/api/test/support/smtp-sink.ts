import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type ReceivedMail = { to: string[]; raw: string; subject: string; text: string };

/**
 * A real SMTP server on a free localhost port that keeps what it receives (the issue: invitations really
 * travel over SMTP, and the tests read the link out of the received message). `refuse` makes it answer
 * every message with a permanent error, as a misconfigured relay would.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse) return callback(Object.assign(new Error('550 relaying denied for this test'), { responseCode: 550 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, ...readMail(raw) });
        callback();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

/** Subject and body of a plain-text message (quoted-printable soft breaks and =XX bytes decoded). */
export function readMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const subject = /^Subject: (.*)$/m.exec(head)?.[1]?.trim() ?? '';
  let text = raw.slice(split + 4);
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head))
    text = Buffer.from(
      text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1'
    ).toString('utf8');
  return { subject, text };
}

/** The survey link's token in a received message. */
export const tokenIn = (mail: ReceivedMail) => /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] ?? null;
