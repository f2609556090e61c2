type RequestableApp = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };
export type H = Record<string, string>;

/**
 * `req(method, path, headers, body?)` sends `body` as JSON; `get(path, headers)`. The app is read when a
 * request is made (tests build it in beforeAll).
 */
export function jsonRequests(app: () => RequestableApp) {
  const req = async (method: string, path: string, headers: H, body?: unknown) =>
    app().request(path, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined
    });
  const get = (path: string, h: H) => req('GET', path, h);
  return { req, get };
}
