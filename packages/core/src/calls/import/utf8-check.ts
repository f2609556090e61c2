/**
 * Checks a byte stream is UTF-8, chunk by chunk, and says on which line the first bad byte is.
 * Why: a decoder that is not strict turns a Latin-1 "é" into U+FFFD and the import stores the
 * mangled name silently.
 */
export class Utf8Check {
  /** Line of the next byte (1-based). */
  private line = 1;
  /** Bytes of a sequence cut by the chunk boundary. */
  private carry = new Uint8Array(0);

  /** Null when `chunk` continues valid UTF-8; else where the first bad byte is. */
  push(chunk: Uint8Array): { line: number; byte: number } | null {
    const bytes = this.carry.length ? concat(this.carry, chunk) : chunk;
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      const c = bytes[i]!;
      if (c < 0x80) {
        if (c === 0x0a) this.line++;
        i++;
        continue;
      }
      const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
      if (len === 0) return { line: this.line, byte: c };
      if (i + len > n) break; // completed by the next chunk
      // second byte ranges that exclude overlong forms, surrogates and code points above U+10FFFF
      const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
      const b1 = bytes[i + 1]!;
      if (b1 < lo || b1 > hi) return { line: this.line, byte: c };
      for (let k = 2; k < len; k++) {
        const b = bytes[i + k]!;
        if (b < 0x80 || b > 0xbf) return { line: this.line, byte: c };
      }
      i += len;
    }
    this.carry = bytes.slice(i);
    return null;
  }

  /** At the end of the stream: a sequence cut off by the end is bad too. */
  end(): { line: number; byte: number } | null {
    return this.carry.length ? { line: this.line, byte: this.carry[0]! } : null;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The message for a file that is not UTF-8. */
export function notUtf8Message(at: { line: number; byte: number }): string {
  return (
    `The file is not UTF-8 text: byte 0x${at.byte.toString(16).toUpperCase().padStart(2, '0')} on line ${at.line} is not valid UTF-8. ` +
    'Save it as UTF-8 (in Excel: "CSV UTF-8"), or declare its encoding in the Content-Type header, e.g. text/csv; charset=windows-1252'
  );
}
