import { describe, expect, it } from 'vitest';
import { CallRecord, looksLikePhoneNumber, recordingPathProblem } from '../src/calls/import/row-schema.ts';
import { readCsvHeader, embeddedLineBreaks } from '../src/calls/import/csv-header.ts';
import { resolveRecord } from '../src/calls/import/resolve-record.ts';
import type { CodeMaps } from '../src/calls/import/code-maps.ts';
import { cleanCallRow } from './fixtures/call-row.ts';

const good = cleanCallRow;

const issues = (v: unknown) => {
  const r = CallRecord.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('call record schema', () => {
  it('accepts a CSV-shaped record and types it (blank cells are absent)', () => {
    const r = CallRecord.parse(good);
    expect(r).toMatchObject({ talk_seconds: 300, answer_seconds: 12, transfers: 1, direction: 'inbound' });
    expect(r.hold_seconds).toBeUndefined();
  });
  it('accepts JSON-typed numbers too', () => {
    expect(CallRecord.parse({ ...good, talk_seconds: 5, answer_seconds: 0 }).talk_seconds).toBe(5);
  });
  it('names each bad field with a reason', () => {
    const e = issues({
      ...good,
      external_id: '',
      direction: 'sideways',
      started_at: '2026-11-02 09:15',
      talk_seconds: '-3',
      transfers: 'x',
      language: 'Dutch'
    });
    expect(e.external_id).toMatch(/required/);
    expect(e.direction).toMatch(/inbound or outbound/);
    expect(e.started_at).toMatch(/ISO 8601.*zone/);
    expect(e.talk_seconds).toMatch(/negative/);
    expect(e.transfers).toMatch(/whole number/);
    expect(e.language).toMatch(/language tag/);
  });
  it('refuses local times without a zone and impossible dates', () => {
    expect(issues({ ...good, started_at: '2026-11-02T09:15:00' }).started_at).toBeDefined();
    expect(issues({ ...good, started_at: '2026-02-30T09:15:00Z' }).started_at).toBeDefined();
  });
  it('requires talk_seconds, agent and program', () => {
    const e = issues({ ...good, talk_seconds: '', agent_code: ' ', program_code: undefined });
    expect(Object.keys(e).sort()).toEqual(['agent_code', 'program_code', 'talk_seconds']);
  });
  it('refuses a customer_ref that is a phone number, explaining why', () => {
    expect(issues({ ...good, customer_ref: '+31 6 1234 5678' }).customer_ref).toMatch(/telephone number.*pseudonym/);
  });
  it('refuses recording paths that leave the recordings folder', () => {
    expect(issues({ ...good, recording: '../../etc/passwd' }).recording).toMatch(/\.\./);
    expect(issues({ ...good, recording: '/var/audio/x.mp3' }).recording).toMatch(/relative/);
  });
});

describe('phone number detection', () => {
  it.each(['0612345678', '+31612345678', '06-12345678', '(020) 123 4567', '0031 6 1234 5678', 'tel: +31 20 123 4567', 'cust-0612345678'])(
    '%s is a phone number',
    (v) => {
      expect(looksLikePhoneNumber(v)).toBe(true);
    }
  );
  it.each(['c-7f3a9b21e4', 'CRM-12345678', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'cust-42', '123456789abc'])(
    '%s is a pseudonym',
    (v) => {
      expect(looksLikePhoneNumber(v)).toBe(false);
    }
  );
});

describe('recording paths', () => {
  it('accepts plain relative paths only', () => {
    expect(recordingPathProblem('2026/11/a.mp3')).toBeNull();
    for (const bad of [
      '../a.mp3',
      'a/../../b.mp3',
      '/abs.mp3',
      'C:/x.mp3',
      'a\\b.mp3',
      'https://x/y.mp3',
      'a//b.mp3',
      'a/./b.mp3',
      'a\0b'
    ]) {
      expect(recordingPathProblem(bad), bad).not.toBeNull();
    }
  });
});

describe('CSV header', () => {
  it('matches names regardless of case and spaces', () => {
    const h = readCsvHeader([' External_ID', 'program_code', 'AGENT_CODE', 'direction', 'started_at', 'talk_seconds'], true);
    expect(h).toEqual({ columns: ['external_id', 'program_code', 'agent_code', 'direction', 'started_at', 'talk_seconds'] });
  });
  it('reports unknown, doubled and missing columns on line 1', () => {
    const h = readCsvHeader(['external_id', 'agent', 'direction', 'direction', 'started_at'], true);
    expect('problems' in h && h.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/unknown column "agent"/),
      expect.stringMatching(/"direction" appears twice/),
      expect.stringMatching(/"program_code" is missing/),
      expect.stringMatching(/"agent_code" is missing/),
      expect.stringMatching(/"talk_seconds" is missing/)
    ]);
  });
  it('counts line breaks inside quoted fields', () => {
    expect(embeddedLineBreaks(['a', 'x\r\ny\nz', 'b'])).toBe(2);
    expect(embeddedLineBreaks(['a', 'b'])).toBe(0);
  });
});

describe('resolving codes', () => {
  const maps: CodeMaps = {
    programs: new Map([
      ['EN-CARE', { id: 1, clientId: 10, code: 'EN-CARE', allowed: true }],
      ['TW-SUPPORT', { id: 2, clientId: 20, code: 'TW-SUPPORT', allowed: false }]
    ]),
    queues: new Map([['1/billing', 5]]),
    agents: new Map([['A1', 7]]),
    allowedProgramIds: new Set([1]),
    unrestricted: false
  };
  it('turns codes into ids', () => {
    const r = resolveRecord(CallRecord.parse(good), maps, 3, 'csv', Date.UTC(2026, 10, 20));
    expect(Array.isArray(r)).toBe(false);
    if (!Array.isArray(r)) expect(r.args.slice(0, 8)).toEqual([3, 'pbx', 'c-1', 1, 5, 7, 'inbound', Date.parse('2026-11-02T08:15:00Z')]);
  });
  it('never creates: unknown codes are errors, with a hint for case slips', () => {
    const r = resolveRecord(
      CallRecord.parse({ ...good, program_code: 'en-care', agent_code: 'Z9' }),
      maps,
      3,
      'csv',
      Date.UTC(2026, 10, 20)
    );
    expect(r).toEqual([
      { column: 'program_code', reason: 'unknown program "en-care" (did you mean "EN-CARE"?)' },
      { column: 'agent_code', reason: 'unknown agent "Z9"' }
    ]);
  });
  it("reports a queue that is not in the row's program", () => {
    expect(resolveRecord(CallRecord.parse({ ...good, queue_code: 'tech' }), maps, 3, 'csv', Date.UTC(2026, 10, 20))).toEqual([
      { column: 'queue_code', reason: 'unknown queue "tech" in program "EN-CARE"' }
    ]);
  });
  it("refuses programs outside the principal's scope", () => {
    const r = resolveRecord(
      CallRecord.parse({ ...good, program_code: 'TW-SUPPORT', queue_code: '' }),
      maps,
      3,
      'csv',
      Date.UTC(2026, 10, 20)
    );
    expect(r).toEqual([{ column: 'program_code', reason: expect.stringMatching(/outside what you may import/) }]);
  });
  it('uses the default source when the row has none', () => {
    const r = resolveRecord(CallRecord.parse({ ...good, source: '' }), maps, 3, 'csv', Date.UTC(2026, 10, 20));
    expect(!Array.isArray(r) && r.source).toBe('csv');
  });
});
