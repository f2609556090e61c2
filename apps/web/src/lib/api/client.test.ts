import { describe, expect, it } from 'vitest';
import { apiClient, must, send } from './client';
import { ApiError } from './errors';

/** A fetch that records the request and answers what the test says. */
function fakeFetch(status: number, body: unknown) {
  const calls: Request[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new Request(input, init));
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { f, calls };
}

describe('the typed client', () => {
  it('builds the path, query and JSON body from the route and sends through the given fetch', async () => {
    const { f, calls } = fakeFetch(200, { items: [] });
    const c = apiClient(f, 'http://app.test').api;
    const res = await send(c.admin.people.$get({ query: { role: 'admin', limit: '50' } }));
    expect(res).toEqual({ ok: true, status: 200, data: { items: [] } });
    expect(calls[0]!.url).toBe('http://app.test/api/admin/people?role=admin&limit=50');
    expect(calls[0]!.headers.get('accept')).toBe('application/json');

    await send(c.coaching.actions[':id'].$patch({ param: { id: '7' }, json: { done: true } }));
    expect(calls[1]!.method).toBe('PATCH');
    expect(calls[1]!.url).toBe('http://app.test/api/coaching/actions/7');
    expect(await calls[1]!.json()).toEqual({ done: true });
  });

  it('send: a refusal is { ok: false } with the API message', async () => {
    const { f } = fakeFetch(412, { error: { code: 'PRECONDITION_FAILED', message: 'The plan is not published' } });
    const res = await send(apiClient(f, 'http://app.test').api.sampling.plans[':id'].publish.$post({ param: { id: '1' } }));
    expect(res).toEqual({ ok: false, status: 412, code: 'PRECONDITION_FAILED', message: 'The plan is not published', details: [] });
  });

  it('send: a network failure is { ok: false, status: 0 }', async () => {
    const f = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const res = await send(apiClient(f, 'http://app.test').api.admin.teams.$get());
    expect(res).toMatchObject({ ok: false, status: 0, code: 'NETWORK' });
  });

  it('must: throws an ApiError carrying the details', async () => {
    const { f } = fakeFetch(400, { error: { code: 'VALIDATION', message: 'bad', details: [{ path: 'answers.a', message: 'required' }] } });
    const call = must(
      apiClient(f, 'http://app.test').api.evaluations[':id'].submit.$post({ param: { id: '1' }, json: { version: 1, answers: {} } })
    );
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ status: 400, details: [{ path: 'answers.a', message: 'required' }] });
  });
});
