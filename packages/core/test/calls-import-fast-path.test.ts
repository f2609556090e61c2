import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CallRecord } from '../src/calls/import/row-schema.ts';
import { fastCsvRecord } from '../src/calls/import/fast-csv-record.ts';
import { cleanCallRow } from './fixtures/call-row.ts';

/**
 * The CSV shortcut must never accept what the schema refuses, and must give the schema's output
 * when it accepts. Values are drawn around the edges (spaces, case, signs, calendar, phone-like refs).
 */
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
/** Mostly the valid value (so whole rows pass often), sometimes an edge. */
const mix = <T>(valid: fc.Arbitrary<T>, edges: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: edges, weight: 1 });
const cell = {
  source: mix(pick('', 'pbx'), pick('pbx-east', ' pbx', 'p b', 'PBX.1', '-x')),
  external_id: mix(pick('c-1'), fc.oneof(pick('', ' ', ' c-1', 'c-1 ', 'x'.repeat(200), 'x'.repeat(201)), fc.string({ maxLength: 8 }))),
  program_code: mix(pick('EN-CARE'), pick('en care', '', ' EN', 'EN ', '-EN', 'A/B:C.D_E', 'ÉN')),
  queue_code: mix(pick('', 'billing'), pick(' billing', 'b!', 'q q')),
  agent_code: mix(pick('A1'), pick('', 'A1 ', 'a1', '_A')),
  direction: mix(pick('inbound', 'outbound'), pick('Inbound', ' inbound', 'in', '')),
  started_at: fc.oneof(
    pick(
      '2026-11-02T09:15:00Z',
      '2026-11-02T09:15:00+01:00',
      '2026-11-02T09:15:00.123Z',
      '2026-11-02T09:15:00.123456Z',
      '2024-02-29T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-02T24:00:00Z',
      '2026-11-02T09:15:00',
      '2026-11-02T09:15Z',
      '2026-11-02T09:15:00+14:00',
      '2026-11-02T09:15:00-09:30',
      '2026-11-02T09:15:00+0100',
      '2026-11-02T09:15:00z',
      '2000-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '0000-02-29T00:00:00Z',
      ' 2026-11-02T09:15:00Z'
    ),
    fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
  ),
  num: mix(
    pick('0', '7', '100'),
    fc.oneof(pick('', '007', '-3', '3.5', ' 4', '604800', '604801', '1e3', '101', '9999999'), fc.nat({ max: 700000 }).map(String))
  ),
  disposition: mix(pick('', 'resolved'), pick(' resolved', 'x'.repeat(100), 'x'.repeat(101), 'a\u00a0')),
  customer_ref: mix(pick('', 'c-7f3a9b21e4'), pick('0612345678', '+31 6 1234 5678', 'CRM-12345678', ' c-1', 'x'.repeat(201))),
  recording: mix(pick('', 'a/b.mp3'), pick('../x.mp3', '/abs.mp3', 'a//b.mp3', ' a.mp3')),
  language: mix(pick('', 'nl'), pick('nl-BE', 'NL', 'dutch', ' nl'))
};

const row = fc.record({
  source: cell.source,
  external_id: cell.external_id,
  program_code: cell.program_code,
  queue_code: cell.queue_code,
  agent_code: cell.agent_code,
  direction: cell.direction,
  started_at: cell.started_at,
  answer_seconds: cell.num,
  talk_seconds: cell.num,
  hold_seconds: cell.num,
  transfers: cell.num,
  disposition: cell.disposition,
  customer_ref: cell.customer_ref,
  recording: cell.recording,
  language: cell.language
});

describe('CSV fast path agrees with the schema', () => {
  it('never accepts more, and gives the same record when it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(row, (r) => {
        const fast = fastCsvRecord(r);
        if (fast === null) return;
        accepted++;
        const z = CallRecord.safeParse(r);
        expect(z.success, JSON.stringify(r)).toBe(true);
        expect(fast).toEqual(z.data);
      }),
      { numRuns: 20000, seed: 20261123 }
    );
    expect(accepted).toBeGreaterThan(50); // the property must actually be exercised
  });

  it('takes the usual clean row', () => {
    const r = { ...cleanCallRow, source: '', transfers: '0', recording: '' };
    expect(fastCsvRecord(r)).toEqual(CallRecord.parse(r));
  });

  it('works with a header that has only the required columns', () => {
    const r = {
      external_id: 'c-1',
      program_code: 'EN-CARE',
      agent_code: 'A1',
      direction: 'outbound',
      started_at: '2026-11-02T09:15:00Z',
      talk_seconds: '30'
    };
    expect(fastCsvRecord(r)).toEqual(CallRecord.parse(r));
  });
});
