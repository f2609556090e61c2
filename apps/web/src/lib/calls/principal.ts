import { m } from '$lib/paraglide/messages';

/**
 * Who did something, from the API's principal label ("user:ana@…", "token:3", "system:scheduler"): a
 * person's e-mail address without the prefix, else "the system" or "an API token" — never the raw label.
 */
export function principalText(label: string): string {
  if (label.startsWith('user:')) return label.slice('user:'.length);
  if (label.startsWith('token:')) return m.calls_by_token();
  return m.calls_by_system();
}
