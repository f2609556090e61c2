import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { optionalNumber, optionalText, personFields, raw, reply, text } from './form-action';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('form fields as the API wants them', () => {
  const f = form({ name: '  Ann  ', blank: '   ', teamId: '12', password: ' secret ', bad: 'x' });
  it('text trims; raw keeps what was typed; a missing field is empty', () => {
    expect(text(f, 'name')).toBe('Ann');
    expect(raw(f, 'password')).toBe(' secret ');
    expect(text(f, 'missing')).toBe('');
    expect(raw(f, 'missing')).toBe('');
  });
  it('an optional field left blank (or missing) is null', () => {
    expect(optionalText(f, 'blank')).toBeNull();
    expect(optionalText(f, 'missing')).toBeNull();
    expect(optionalText(f, 'name')).toBe('Ann');
    expect(optionalNumber(f, 'blank')).toBeNull();
    expect(optionalNumber(f, 'teamId')).toBe(12);
  });
  it('a number that is not one stays NaN, for the API to refuse', () => {
    expect(optionalNumber(f, 'bad')).toBeNaN();
  });
});

describe('reply: an action answers from the API answer', () => {
  it('success: the tag and the message, which may use the data', () => {
    expect(reply({ ok: true, status: 200, data: { n: 2 } }, { action: 'account' }, (d) => `${d.n} ended`)).toEqual({
      action: 'account',
      success: '2 ended'
    });
    expect(reply({ ok: true, status: 204, data: undefined }, { action: 'update' }, 'Saved.')).toEqual({
      action: 'update',
      success: 'Saved.'
    });
  });
  it("failure: the API's status, its code's message (not the API's English text) and details, with the tag", () => {
    const details = [{ path: 'code', message: 'taken' }];
    const r = reply({ ok: false, status: 409, code: 'CONFLICT', message: 'Taken.', details }, { action: 'roles' }, 'Role given.');
    expect(r).toMatchObject({ status: 409, data: { action: 'roles', message: m.error_CONFLICT(), details } });
    expect(m.error_CONFLICT()).not.toBe('Taken.');
  });
});

describe('personFields: the admin person forms', () => {
  it('reads code and name trimmed, blanks as null, the team as a number', () => {
    const f = form({ code: ' AG1 ', name: 'Ann', email: '', teamId: '3', hireDate: '2026-01-05' });
    expect(personFields(f)).toEqual({ code: 'AG1', name: 'Ann', email: null, teamId: 3, hireDate: '2026-01-05' });
  });
});
