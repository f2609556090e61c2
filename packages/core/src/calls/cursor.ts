import { invalid } from '../errors.ts';

/**
 * Keyset position in the calls list, ordered by (started_at desc, id desc). Opaque to clients:
 * base64url of "n|p.<startedAtMs>.<id>", where n continues after the key and p goes back before it.
 */
export type CallCursor = { dir: 'next' | 'prev'; startedAt: number; id: number };

export function encodeCursor(c: CallCursor): string {
  return Buffer.from(`${c.dir === 'next' ? 'n' : 'p'}.${c.startedAt}.${c.id}`).toString('base64url');
}

export function decodeCursor(raw: string): CallCursor {
  const m = /^([np])\.(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m)
    throw invalid('cursor: not a cursor from this list (use nextCursor or prevCursor as returned)', [
      { path: 'cursor', message: 'malformed cursor' }
    ]);
  return { dir: m[1] === 'n' ? 'next' : 'prev', startedAt: Number(m[2]), id: Number(m[3]) };
}
