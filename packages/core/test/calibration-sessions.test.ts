import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawCalibrationCalls } from '../src/calibration/draw-calls.ts';
import { parseInput } from '../src/input.ts';
import { DomainError } from '../src/errors.ts';
import { CreateCalibrationSessionInput } from '@attentive/shared/calibration-sessions';

const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const idsArb = fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 0, maxLength: 60 });

describe('drawing the calls of a session', () => {
  it('takes the calls with the lowest HMAC-SHA256(seed, id), lowest first', () => {
    const seed = 'ab'.repeat(32);
    const ids = [11, 22, 33, 44, 55, 66];
    const byRank = [...ids].sort((a, b) => {
      const ra = createHmac('sha256', Buffer.from(seed, 'hex')).update(String(a)).digest('hex');
      const rb = createHmac('sha256', Buffer.from(seed, 'hex')).update(String(b)).digest('hex');
      return ra < rb ? -1 : 1;
    });
    expect(drawCalibrationCalls(ids, seed, 3)).toEqual(byRank.slice(0, 3));
  });

  it('is deterministic per seed and does not depend on the order of the candidates', () => {
    fc.assert(
      fc.property(seedArb, idsArb, fc.integer({ min: 1, max: 20 }), (seed, ids, n) => {
        const a = drawCalibrationCalls(ids, seed, n);
        expect(drawCalibrationCalls([...ids].reverse(), seed, n)).toEqual(a);
        expect(drawCalibrationCalls(ids, seed, n)).toEqual(a);
      })
    );
  });

  it('draws min(count, candidates) distinct candidates; a larger draw extends a smaller one (lowest ranks first)', () => {
    fc.assert(
      fc.property(seedArb, idsArb, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (seed, ids, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const s = drawCalibrationCalls(ids, seed, small);
        const l = drawCalibrationCalls(ids, seed, large);
        expect(l.length).toBe(Math.min(large, ids.length));
        expect(new Set(l).size).toBe(l.length);
        for (const id of l) expect(ids).toContain(id);
        expect(l.slice(0, s.length)).toEqual(s);
      })
    );
  });

  it('different seeds give different draws (practically always)', () => {
    const ids = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(drawCalibrationCalls(ids, '01'.repeat(32), 10)).not.toEqual(drawCalibrationCalls(ids, '02'.repeat(32), 10));
  });
});

describe('the session input', () => {
  const base = {
    programId: 1,
    title: 'Week 12',
    deadline: '2027-01-01T12:00:00Z',
    participantIds: [1, 2],
    calls: { mode: 'chosen', callIds: [5, 6] }
  };
  const pathsOf = (input: unknown) => {
    try {
      parseInput(CreateCalibrationSessionInput, input);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return ((e as DomainError).details ?? []).map((d) => d.path);
    }
  };

  it('accepts a chosen and a drawn selection; trims the title', () => {
    expect(parseInput(CreateCalibrationSessionInput, { ...base, title: '  Week 12 ' }).title).toBe('Week 12');
    expect(pathsOf({ ...base, calls: { mode: 'drawn', from: '2026-11-01', to: '2026-11-07', count: 5 } })).toEqual([]);
  });

  it('names each bad field', () => {
    expect(pathsOf({ ...base, title: ' ' })).toEqual(['title']);
    expect(pathsOf({ ...base, deadline: '2027-01-01' })).toEqual(['deadline']);
    expect(pathsOf({ ...base, participantIds: [1] })).toEqual(['participantIds']);
    expect(pathsOf({ ...base, participantIds: [1, 1] })).toEqual(['participantIds']);
    expect(pathsOf({ ...base, participantIds: Array.from({ length: 31 }, (_, i) => i + 1) })).toEqual(['participantIds']);
    expect(pathsOf({ ...base, calls: { mode: 'chosen', callIds: Array.from({ length: 21 }, (_, i) => i + 1) } })).toEqual([
      'calls.callIds'
    ]);
    expect(pathsOf({ ...base, calls: { mode: 'drawn', from: '2026-13-01', to: '2026-11-07', count: 0 } }).sort()).toEqual([
      'calls.count',
      'calls.from'
    ]);
    expect(pathsOf({ ...base, programId: 0 })).toEqual(['programId']);
  });
});
