import { describe, expect, it } from 'vitest';
import { dayStartIn, audioContentType, decodeCursor, encodeCursor, resolveRecordingPath } from '../src/calls/index.ts';
import { DomainError } from '../src/errors.ts';

describe('call list cursor', () => {
  it('round-trips and is opaque', () => {
    const c = { dir: 'next' as const, startedAt: 1763900000123, id: 4711 };
    const raw = encodeCursor(c);
    expect(raw).not.toContain('4711');
    expect(decodeCursor(raw)).toEqual(c);
    expect(decodeCursor(encodeCursor({ ...c, dir: 'prev' })).dir).toBe('prev');
  });
  it('rejects anything else as a validation error naming the cursor', () => {
    for (const bad of ['', 'abc', Buffer.from('x.1.2').toString('base64url'), Buffer.from('n.1').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(DomainError);
      expect(() => decodeCursor(bad)).toThrow(/cursor/);
    }
  });
});

describe('recording paths', () => {
  it('resolves inside the recordings directory', () => {
    expect(resolveRecordingPath('/data/rec', 'demo/a.ogg')).toBe('/data/rec/demo/a.ogg');
    expect(resolveRecordingPath('/data/rec', 'demo/../b.ogg')).toBe('/data/rec/b.ogg');
  });
  it('refuses paths that escape it', () => {
    for (const p of ['../secret', 'demo/../../x', '/etc/passwd', '', '.', 'a\0b', 'C:\\x', '..'])
      expect(resolveRecordingPath('/data/rec', p), p).toBeNull();
    expect(resolveRecordingPath('/data/rec', '../rec2/a.ogg')).toBeNull();
  });
  it('knows audio content types', () => {
    expect(audioContentType('a.OGG')).toBe('audio/ogg');
    expect(audioContentType('a.mp3')).toBe('audio/mpeg');
    expect(audioContentType('a.bin')).toBe('application/octet-stream');
  });
});

describe('calendar days in the tenant zone', () => {
  it('starts a winter day at 23:00 UTC and a summer day at 22:00 UTC the day before', () => {
    expect(dayStartIn('2026-11-23', 'Europe/Amsterdam').toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(dayStartIn('2026-07-01', 'Europe/Amsterdam').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The days the clocks change.
    expect(dayStartIn('2026-03-29', 'Europe/Amsterdam').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStartIn('2026-10-25', 'Europe/Amsterdam').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
  it('cuts days in any tenant zone', () => {
    expect(dayStartIn('2026-11-23', 'Asia/Kolkata').toISOString()).toBe('2026-11-22T18:30:00.000Z');
    expect(dayStartIn('2026-11-23', 'America/New_York').toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });
});
