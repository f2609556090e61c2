import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The absolute file of a stored recording path, or null when the path would leave the recordings
 * directory (`..`, an absolute path, a NUL byte). Pure: no file system access.
 */
export function resolveRecordingPath(recordingsDir: string, stored: string): string | null {
  if (!stored || stored.includes('\0') || isAbsolute(stored) || /^[a-zA-Z]:|^\\\\/.test(stored)) return null;
  const root = resolve(recordingsDir);
  const file = resolve(root, stored);
  const rel = relative(root, file);
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

const TYPES: Record<string, string> = {
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  webm: 'audio/webm',
  flac: 'audio/flac'
};

export function audioContentType(path: string): string {
  return TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}
