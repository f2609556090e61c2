import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { ApiError, failureOf, loadOutcome, readError } from './errors';

describe('failureOf: the one error parser', () => {
  it('reads the API envelope: code, message and details', () => {
    const f = failureOf(400, {
      error: {
        code: 'VALIDATION',
        message: 'Invalid input: answers.greeting: required',
        details: [{ path: 'answers.greeting', message: 'required' }],
        requestId: 'r1'
      }
    });
    expect(f).toEqual({
      status: 400,
      code: 'VALIDATION',
      message: 'Invalid input: answers.greeting: required',
      details: [{ path: 'answers.greeting', message: 'required' }]
    });
  });

  it('keeps details without a path and drops entries without a message', () => {
    const f = failureOf(409, { error: { code: 'CONFLICT', message: 'x', details: [{ message: 'no path' }, { path: 'a' }, 'junk', null] } });
    expect(f.details).toEqual([{ message: 'no path' }]);
  });

  it('anything that is not the envelope still becomes a readable message', () => {
    for (const body of [null, 'Bad Gateway', {}, { error: 'nope' }, { error: { message: '' } }, [1, 2]]) {
      expect(failureOf(502, body)).toEqual({ status: 502, code: 'HTTP_502', message: 'Request failed (502)', details: [] });
    }
  });
});

describe('readError', () => {
  it('parses a JSON body', async () => {
    const res = new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such call' } }), { status: 404 });
    expect(await readError(res)).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No such call' });
  });
  it('survives a body that is not JSON', async () => {
    expect(await readError(new Response('<html>oops</html>', { status: 500 }))).toMatchObject({
      status: 500,
      message: 'Request failed (500)'
    });
  });
});

describe('loadOutcome: how a page answers a failed read', () => {
  const f = (status: number) => ({ status, code: 'X', message: `m${status}`, details: [] });
  it('401 sends the person to sign in and back here', () => {
    expect(loadOutcome(f(401), '/calls?agent=3&x=a b')).toEqual({ redirect: '/sign-in?next=%2Fcalls%3Fagent%3D3%26x%3Da%20b' });
  });
  it('404, 412 and other 4xx keep their status and the API message', () => {
    for (const s of [400, 403, 404, 409, 412, 413, 429]) expect(loadOutcome(f(s), '/')).toEqual({ status: s, message: `m${s}` });
  });
  it('5xx stays a 5xx; a network failure (status 0) is a 500', () => {
    expect(loadOutcome(f(503), '/')).toEqual({ status: 503, message: 'm503' });
    expect(loadOutcome(f(0), '/')).toEqual({ status: 500, message: 'm0' });
  });
});

describe('ApiError', () => {
  it('carries status, code and details for try/catch callers', () => {
    const e = new ApiError({ status: 400, code: 'VALIDATION', message: 'bad', details: [{ path: 'answers.a', message: 'x' }] });
    expect(e).toBeInstanceOf(Error);
    expect([e.status, e.code, e.apiMessage, e.details.length]).toEqual([400, 'VALIDATION', 'bad', 1]);
    // what a screen shows: the code's message in the page's language
    expect(e.message).toBe(m.error_VALIDATION());
  });
});
