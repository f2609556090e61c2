import fc from 'fast-check';

/** A change applied to a valid request part (path, query, body) to make it hostile. */
export type Mutation<T> = (valid: T) => T | RawBody;

/** A body sent as these exact bytes with this Content-Type (or none). */
export class RawBody {
  constructor(
    readonly bytes: string | Uint8Array,
    readonly contentType?: string
  ) {}
}

/** Text that has broken parsers, databases and screens before. */
export const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u2066x\u2069',
  'zero\u200bwidth',
  '\ufeffbom',
  '\r\n',
  '\t',
  "'; DROP TABLE people; --",
  '=HYPERLINK("http://evil")',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30T00:00:00Z',
  '2026-11-02',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  '😀'.repeat(50),
  'é'.repeat(300),
  'x'.repeat(5000),
  'x'.repeat(200_000)
];

const NASTY_NUMBERS = [0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MIN_VALUE, 987654321];

const deepText = (n: number) => '['.repeat(n) + ']'.repeat(n);

const deep = (n: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Stands for an array nested 5,000 deep (too deep to build and clone here); see `serialize`. */
const DEEP_MARK = '\u0001deep-5000\u0001';

/** JSON text of a mutated body, with the deep-nesting marks expanded. */
export function serialize(body: unknown): string {
  return JSON.stringify(body).replaceAll(JSON.stringify(DEEP_MARK), deepText(5000));
}

/** Any JSON value worth trying where a field is expected. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], { '': null }, ['a'], [1, 2, 3], deep(20), deep(31), DEEP_MARK) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }
);

type Step = { path: number[]; action: 'replace' | 'delete' | 'add' | 'wrap'; key: string; value: unknown };

const step: fc.Arbitrary<Step> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 4 }),
  action: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add', 'wrap'),
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'tenantId', ''), fc.string({ maxLength: 12 })),
  value: nastyValue
});

function applyStep(root: unknown, s: Step): unknown {
  if (s.path.length === 0 || root === null || typeof root !== 'object')
    return s.action === 'wrap' ? [root] : s.action === 'delete' ? undefined : s.value;
  const copy: any = structuredClone(root);
  let parent: any = copy;
  let key: string | number | undefined;
  for (const n of s.path) {
    const node = key === undefined ? parent : parent[key];
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    if (key !== undefined) parent = node;
    key = keys[n % keys.length];
  }
  if (key === undefined) return s.value;
  switch (s.action) {
    case 'replace':
      parent[key] = s.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'wrap':
      parent[key] = [parent[key]];
      break;
    case 'add':
      if (Array.isArray(parent)) parent.push(s.value);
      else Object.defineProperty(parent, s.key, { value: s.value, enumerable: true, writable: true, configurable: true });
      break;
  }
  return copy;
}

/** One to three field-level changes to a valid JSON body. */
export const mutateBody: fc.Arbitrary<Mutation<unknown>> = fc
  .array(step, { minLength: 1, maxLength: 3 })
  .map((steps) => (valid: unknown) => steps.reduce(applyStep, valid));

/** A body that is not the JSON the route expects at all. */
export const rawJunkBody: fc.Arbitrary<Mutation<unknown>> = fc
  .oneof(
    fc.constantFrom(
      new RawBody('', 'application/json'),
      new RawBody('{', 'application/json'),
      new RawBody('null', 'application/json'),
      new RawBody('"x"', 'application/json'),
      new RawBody('{"a":1,"a":2}', 'application/json'),
      new RawBody(deepText(33), 'application/json'),
      new RawBody(`[${deepText(5000)}]`, 'application/json'),
      new RawBody(`{"name":${deepText(5000)}}`, 'application/json; charset=utf-8'),
      new RawBody(new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), 'application/json'), // {"n":"é"} in Latin-1
      new RawBody(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'application/json'), // UTF-16
      new RawBody('{"name":"x"}', 'text/plain'),
      new RawBody('{"name":"x"}'),
      new RawBody('name=x', 'application/x-www-form-urlencoded'),
      new RawBody('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n', 'multipart/form-data; boundary=b')
    ),
    fc.jsonValue({ maxDepth: 4 }).map((v) => new RawBody(JSON.stringify(v) ?? 'null', 'application/json')),
    fc.string({ unit: 'binary', maxLength: 60 }).map((s) => new RawBody(s, 'application/json'))
  )
  .map((raw) => () => raw);

/** Changes to a valid CSV file: hostile cells, bad bytes, broken quoting, long records. */
export const mutateCsv: fc.Arbitrary<Mutation<unknown>> = fc.oneof(
  fc
    .record({ at: fc.nat(), text: fc.constantFrom(...NASTY_TEXT.filter((s) => s.length < 10_000), '"', '""', ',', '\n', '\r', '"a\nb"') })
    .map(({ at, text }) => (valid: unknown) => {
      const s = String(valid);
      const i = at % (s.length + 1);
      return s.slice(0, i) + text + s.slice(i);
    }),
  fc.nat().map((at) => (valid: unknown) => {
    const bytes = new TextEncoder().encode(String(valid));
    const out = new Uint8Array(bytes.length + 1);
    const i = at % (bytes.length + 1);
    out.set(bytes.subarray(0, i));
    out[i] = 0xe9; // a Latin-1 é
    out.set(bytes.subarray(i), i + 1);
    return new RawBody(out, 'text/csv');
  }),
  fc.constantFrom(
    () => new RawBody('', 'text/csv'),
    () => new RawBody('\ufeff', 'text/csv'),
    () => new RawBody('a,b\n1,2\n', 'text/csv'),
    () => new RawBody('{"not":"csv"}', 'application/json'),
    (valid: unknown) => new RawBody(String(valid), 'text/csv; charset=iso-8859-1'),
    (valid: unknown) => new RawBody(String(valid), 'image/png'),
    (valid: unknown) => String(valid).replace(/2026-11-02/g, '0001-01-01'),
    (valid: unknown) => String(valid).replace(/2026-11-02/g, '9999-12-31'),
    (valid: unknown) => String(valid).replace(/\n$/, `,${'x'.repeat(70_000)}\n`)
  )
);

const BAD_IDS = [
  '0',
  '-1',
  '+5',
  '05',
  '0x10',
  '1e1',
  '0b101',
  '%201',
  '1.0',
  'abc',
  '%00',
  '99999999999999999999',
  '9007199254740993',
  '2147483648',
  '1%2F2',
  '..',
  ''
];

/** Numeric path segments spelled wrongly (or left alone). */
export const mutatePath: fc.Arbitrary<Mutation<string>> = fc.oneof(
  { weight: 5, arbitrary: fc.constant((p: string) => p) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_IDS).map((bad) => (p: string) => p.replace(/\/\d+(?=\/|$)/, `/${bad}`)) }
);

const QUERY_VALUES = [
  '',
  'junk',
  '1',
  '0',
  '-1',
  '1e9',
  'true',
  'self',
  'sampled,self',
  '%00',
  '%FF',
  '2026-13-45',
  '0001-01-01',
  '9999-12-31',
  'Mars/Phobos',
  'a'.repeat(300),
  '00000000-0000-0000-0000-000000000000'
];

/** The operation's query parameters (from the OpenAPI document) with hostile values, or left alone. */
export function mutateQuery(names: string[], keep = 5): fc.Arbitrary<Mutation<string>> {
  return fc.oneof(
    { weight: keep, arbitrary: fc.constant((q: string) => q) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.record({ name: fc.constantFrom(...names, 'x', 'id'), value: fc.constantFrom(...QUERY_VALUES) }), {
          minLength: 1,
          maxLength: 3
        })
        .map((pairs) => (q: string) => {
          const params = q.split('&').filter((kv) => kv && !pairs.some((p) => kv.startsWith(`${p.name}=`)));
          return [...params, ...pairs.map((p) => `${p.name}=${p.value}`)].join('&');
        })
    }
  );
}
