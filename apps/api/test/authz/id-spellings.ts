import type { Expectation } from './types.ts';
import { CALLERS, type Caller, type World } from './world.ts';

/**
 * Other spellings of a record id that a lenient parser (Number(), z.coerce.number()) reads as the same
 * number: hex, binary, octal, sign, leading zero, exponent, decimal point, surrounding spaces (encoded).
 * Each must answer 400 or 404, never the record (issue 10).
 */
export function otherSpellings(id: number): string[] {
  return [
    `0x${id.toString(16)}`,
    `0X${id.toString(16)}`,
    `0b${id.toString(2)}`,
    `0o${id.toString(8)}`,
    `+${id}`,
    `%2B${id}`,
    `0${id}`,
    `00${id}`,
    `${id}e0`,
    `${id * 10}e-1`,
    `${id}.0`,
    `%20${id}`,
    `${id}%20`,
    `%09${id}`,
    `${id}%0A`
  ];
}

/** The caller that gets the furthest with an entry on its own target (a 2xx if any), so a wrong spelling would reach the record. */
export function strongestCaller(e: Expectation): Caller {
  const own = (c: Caller) => {
    const s = e.expect[c];
    return typeof s === 'number' ? s : s.own;
  };
  const rank = (s: number) => (s < 300 ? 0 : s === 401 || s === 403 || s === 404 ? 2 : 1);
  return [...CALLERS].filter((c) => c !== 'anonymous').sort((a, b) => rank(own(a)) - rank(own(b)))[0]!;
}

/** The concrete path segments that fill `{param}` slots of an OpenAPI path, as [index, name, value]. */
export function pathParams(template: string, concrete: string): [number, string, string][] {
  const t = template.split('/');
  const c = concrete.split('?')[0]!.split('/');
  return t.flatMap((seg, i) => (seg.startsWith('{') ? [[i, seg.slice(1, -1), c[i]!] as [number, string, string]] : []));
}

export function withSegment(concrete: string, index: number, value: string): string {
  const [path, query] = concrete.split('?');
  const segs = path!.split('/');
  segs[index] = value;
  return segs.join('/') + (query === undefined ? '' : `?${query}`);
}

/** Query parameters that carry a record id (by name): `agent`, `programId`, … */
export const isIdQueryParam = (name: string) => /Id$/.test(name) || ['client', 'program', 'team', 'agent', 'queue'].includes(name);

export type Sent = { status: number; body: string };

export async function send(
  w: World,
  method: string,
  caller: Caller,
  path: string,
  req: { body?: unknown; headers?: Record<string, string> }
): Promise<Sent> {
  const headers: Record<string, string> = { ...w.headers[caller], ...req.headers };
  if (req.body !== undefined && !req.headers?.['content-type']) headers['content-type'] = 'application/json';
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  const res = await w.app.request(path, { method, headers, body });
  return { status: res.status, body: (await res.text()).slice(0, 160) };
}
