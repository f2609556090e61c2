import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inForce, monthBefore, monthsText, overlaps } from '../src/client-audit/contracts/terms-support.ts';

/**
 * The month rules of contract terms (terms-support.ts): months are 'YYYY-MM' strings compared as strings, a null
 * end is open. Checked against month numbers (year × 12 + month), which cannot get the order wrong.
 */
const monthArb = fc.record({ y: fc.integer({ min: 1990, max: 2200 }), m: fc.integer({ min: 1, max: 12 }) });
const text = (x: { y: number; m: number }) => `${x.y}-${String(x.m).padStart(2, '0')}`;
const index = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const span = fc.tuple(monthArb, fc.option(monthArb, { nil: null })).map(([a, b]) => {
  const from = text(a);
  const to = b == null ? null : text(b);
  return to != null && to < from ? { validFrom: to, validTo: from } : { validFrom: from, validTo: to };
});

describe('contract months', () => {
  it('monthBefore steps back one month, across a year too', () => {
    expect(monthBefore('2026-03')).toBe('2026-02');
    expect(monthBefore('2026-01')).toBe('2025-12');
    fc.assert(
      fc.property(monthArb, (x) => {
        expect(index(monthBefore(text(x)))).toBe(index(text(x)) - 1);
      })
    );
  });

  it('two spans overlap exactly when some month lies in both (open ends run on)', () => {
    fc.assert(
      fc.property(span, span, (a, b) => {
        const lo = Math.max(index(a.validFrom), index(b.validFrom));
        const hi = Math.min(a.validTo == null ? Infinity : index(a.validTo), b.validTo == null ? Infinity : index(b.validTo));
        expect(overlaps(a, b)).toBe(lo <= hi);
        expect(overlaps(a, b)).toBe(overlaps(b, a));
      })
    );
  });

  it('a version ended at the month before the next one starts never overlaps it', () => {
    fc.assert(
      fc.property(monthArb, monthArb, (a, b) => {
        const [first, next] = [text(a), text(b)].sort();
        fc.pre(first! < next!);
        expect(overlaps({ validFrom: first!, validTo: monthBefore(next!) }, { validFrom: next!, validTo: null })).toBe(false);
      })
    );
  });

  it('inForce finds the version whose span holds the month, or none', () => {
    const versions = [
      { id: 3, validFrom: '2026-03', validTo: null },
      { id: 2, validFrom: '2025-07', validTo: '2026-02' },
      { id: 1, validFrom: '2025-01', validTo: '2025-05' }
    ];
    expect(inForce(versions, '2026-12')?.id).toBe(3);
    expect(inForce(versions, '2026-03')?.id).toBe(3);
    expect(inForce(versions, '2026-02')?.id).toBe(2);
    expect(inForce(versions, '2025-06')).toBeNull();
    expect(inForce(versions, '2024-12')).toBeNull();
    expect(monthsText(versions[0]!)).toBe('2026-03 – open');
  });
});
