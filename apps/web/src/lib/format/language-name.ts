import type { Format } from './format';

/** A language code of a call or transcript ("nl", "en-GB") in the reader's language ("Dutch", "Nederlands"). */
export function languageName(f: Format, code: string): string {
  try {
    return new Intl.DisplayNames([f.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
