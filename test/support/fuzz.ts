import fc from 'fast-check';
import type { Operation } from './contract.js';

/**
 * Requests generated from openapi.json for the fuzz spec: every operation, valid bodies from the
 * document's own examples with real ids from the world, and hostile mutations of them (wrong
 * types, deep or wide JSON, unicode, SQL- and formula-looking strings, huge numbers, bad ids,
 * malformed text, wrong content types).
 */

export type Caller = 'admin' | 'clerk' | 'mediator' | 'supervisor' | 'sentinel' | 'nobody';
export const CALLERS: Caller[] = ['admin', 'clerk', 'mediator', 'supervisor', 'sentinel', 'nobody'];

/** Real ids of the world by kind, and the case each session, party and document belongs to. */
export interface IdPools {
  users: string[];
  regions: string[];
  courts: string[];
  orgs: string[];
  cases: string[];
  sessions: string[];
  parties: string[];
  children: string[];
  mediators: string[];
  notifications: string[];
  documents: string[];
  followUps: string[];
  sentinelReports: string[];
}

export interface FuzzRequest {
  op: Operation;
  caller: Caller;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Valid-looking write on a real case: the runner fills the case's current version in. */
  wantsVersionOf?: string;
}

/** Percent-encoded; a lone surrogate becomes the (invalid UTF-8) bytes of one. */
const enc = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return `${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
};

/** Marks a JSON token written as is (a number JSON.stringify cannot write, e.g. 1e999). */
const RAW = '\u0000RAW:';

export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  '1; DROP TABLE cases; --',
  "'); SELECT pg_sleep(5); --",
  '%',
  '_',
  '\\',
  "=CMD|' /C calc'!A0",
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '\u0000',
  '\ud800',
  '\u202e\u0644\u0627',
  '👨‍👩‍👧‍👦',
  '張三\u200b李四',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x/a}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-0',
  '1e999',
  '9'.repeat(400),
  '2026-02-30T25:61:00+08:00',
  '0000-00-00',
  '',
  ' ',
  '\n\r\t',
];

const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '1',
  '-1',
  '0',
  '99999999999999999999999999',
  "1' OR '1'='1",
  '%00',
  '%E0%A4%A',
  '%2e%2e%2f',
  '..',
  '%F0%9F%98%80',
  'a'.repeat(3000),
  'undefined',
  'null',
];

const HUGE_NUMBERS = [
  `${RAW}1e999`,
  `${RAW}-1e999`,
  `${RAW}123456789012345678901234567890`,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 31) - 1,
  2 ** 31,
  2 ** 63,
  -1,
  0,
  0.5,
  1e308,
  -1e-308,
];

const str = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 120_000 }).map((n) => '长'.repeat(n)) },
);
/** Dates at PostgreSQL's and JavaScript's edges, impossible ones, and ones far from the case's. */
const DATES = [
  '0001-01-01T00:00:00Z',
  '1900-01-01',
  '1969-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-29',
  '2026-13-01',
  '2026-11-02T09:00:00+14:00',
  '2026-11-02T09:00:00-12:00',
  '2026-11',
  '2026',
  '20261102',
];
const dateOrString = fc.oneof(str, fc.constantFrom(...DATES));
const num = fc.oneof(fc.constantFrom(...HUGE_NUMBERS), fc.integer(), fc.double({ noNaN: true }));
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(str, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);
export const hostileValue = fc.oneof(str, num, wrongType, fc.jsonValue({ maxDepth: 3 }));

const nest = (depth: number, leaf: unknown): unknown =>
  depth === 0 ? leaf : depth % 2 ? [nest(depth - 1, leaf)] : { a: nest(depth - 1, leaf) };
const wide = (keys: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

/** The JSON text of a body, with RAW tokens written as is. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value).replace(/"\\u0000RAW:([^"]*)"/g, '$1');

/** Every path (object keys and array indices) inside a value, the value itself first. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  if (!root || typeof root !== 'object') return root;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    // An earlier edit replaced a parent: this one has nowhere to go.
    if (!node || typeof node !== 'object') return root;
    node = node[key] as Record<string | number, unknown>;
  }
  if (!node || typeof node !== 'object') return root;
  node[path[path.length - 1]] = value;
  return copy;
}

/** The pool a field or path parameter named `key` takes its real ids from. */
function poolFor(key: string, pools: IdPools): string[] {
  const k = key.toLowerCase();
  if (k.startsWith('party')) return pools.parties;
  if (k.startsWith('child')) return pools.children;
  if (k.startsWith('mediator') || k === 'actorid') return pools.mediators;
  if (k.startsWith('court')) return pools.courts;
  if (k.startsWith('organization')) return pools.orgs;
  if (k.startsWith('session')) return pools.sessions;
  if (k.startsWith('followup')) return pools.followUps;
  if (k.startsWith('case')) return pools.cases;
  if (/region|parent|root|village/.test(k)) return pools.regions;
  return pools.cases;
}

/** Real ids in place of the example's: fields named …Id / …Ids take one of their kind. */
function withRealIds(value: unknown, pools: IdPools, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => withRealIds(v, pools, pick));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const pool = /Ids?$/.test(k) ? poolFor(k, pools) : [];
      if (pool.length && typeof v === 'string') return [k, pool[pick(pool.length)]];
      if (pool.length && Array.isArray(v)) return [k, v.map(() => pool[pick(pool.length)])];
      return [k, withRealIds(v, pools, pick)];
    }),
  );
}

/** The pool of real ids a path's `{id}` takes, by the path's first segment after /api/v1. */
function pathPool(template: string, pools: IdPools): string[] {
  const seg = template.split('/')[3] ?? '';
  const bySegment: Record<string, string[]> = {
    users: pools.users,
    regions: pools.regions,
    courts: pools.courts,
    organizations: pools.orgs,
    cases: pools.cases,
    sessions: pools.sessions,
    parties: pools.parties,
    mediators: pools.mediators,
    notifications: pools.notifications,
    documents: pools.documents,
    'sentinel-reports': pools.sentinelReports,
  };
  return bySegment[seg] ?? pools.cases;
}

const allIds = (pools: IdPools): string[] => Object.values(pools).flat();

function pathId(template: string, pools: IdPools): fc.Arbitrary<string> {
  const own = pathPool(template, pools);
  const any = allIds(pools);
  const arbs: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: fc.constantFrom(...BAD_IDS) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: str.map(enc) },
  ];
  if (own.length) arbs.push({ weight: 8, arbitrary: fc.constantFrom(...own) });
  if (any.length) arbs.push({ weight: 1, arbitrary: fc.constantFrom(...any) });
  return fc.oneof(...arbs);
}

interface ParameterObject {
  name: string;
  in: string;
  schema?: { type?: string; enum?: string[] };
}

/** A plausible value of a query parameter, by its schema and name. */
function validQuery(p: ParameterObject, pools: IdPools): fc.Arbitrary<string> {
  const s = p.schema ?? {};
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.type === 'integer')
    return fc.oneof(
      fc.integer({ min: 1, max: 120 }).map(String),
      fc.constantFrom('0', '2147483648', '9007199254740993', '1.5', '0x10'),
    );
  if (s.type === 'boolean') return fc.constantFrom('true', 'false');
  if (/Id$/.test(p.name)) {
    const pool = poolFor(p.name, pools);
    return pool.length ? fc.constantFrom(...pool) : fc.uuid();
  }
  if (p.name === 'month')
    return fc.constantFrom(
      '2026-11',
      '2026-12',
      '2025-01',
      '0000-00',
      '9999-12',
      '2026-13',
      '+275760-09',
    );
  if (/from|to$/i.test(p.name))
    return fc.oneof(
      fc.constantFrom('2026-11-01', '2026-12-31', '2026-11-02T09:00:00+08:00'),
      fc.constantFrom(...DATES),
    );
  return fc.constantFrom('张', '胶州', 'case', '鲁0281');
}

function query(op: Operation, pools: IdPools): fc.Arbitrary<string> {
  const params = ((op.op as { parameters?: ParameterObject[] }).parameters ?? []).filter(
    (p) => p.in === 'query',
  );
  const one = (p: ParameterObject): fc.Arbitrary<string[]> =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<string[]>([]) },
      {
        weight: 5,
        arbitrary: validQuery(p, pools).map((v) => [`${p.name}=${enc(v)}`]),
      },
      { weight: 2, arbitrary: str.map((v) => [`${p.name}=${enc(v)}`]) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(
            [`${p.name}=1`, `${p.name}=2`],
            [`${p.name}[]=1`],
            [`${p.name}[a]=1`],
            [`${p.name}=`],
            [`${p.name}=-1`],
            [`${p.name}=1e999`],
            [`${p.name}=99999999999999999999`],
          )
          .map((parts): string[] => [...parts]),
      },
    );
  const extra = fc.oneof(
    { weight: 9, arbitrary: fc.constant<string[]>([]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ['__proto__[admin]=1'],
        ['constructor[prototype][x]=1'],
        ['unknown=1'],
        ['%ZZ=1'],
      ),
    },
  );
  return fc
    .tuple(fc.tuple(...params.map(one), extra))
    .map(([parts]) => parts.flat())
    .map((parts) => (parts.length ? `?${parts.join('&')}` : ''));
}

interface MediaObject {
  examples?: Record<string, { value: unknown }>;
}

/** A body's media type and text, and whether it is a valid-looking one. */
interface Body {
  type?: string;
  text?: string;
  valid: boolean;
}

interface RequestBodyObject {
  content: Record<string, MediaObject & { schema?: { $ref?: string } }>;
}

const requestBody = (op: Operation): RequestBodyObject | undefined =>
  (op.op as { requestBody?: RequestBodyObject }).requestBody;

/** The operation's example body with real ids in place of the example's. */
function exampleWithRealIds(op: Operation, pools: IdPools): fc.Arbitrary<unknown> {
  const content = requestBody(op)?.content;
  const media = content ? Object.keys(content)[0] : undefined;
  const example = media ? Object.values(content?.[media]?.examples ?? {})[0]?.value : undefined;
  return fc
    .infiniteStream(fc.nat())
    .map((s) => withRealIds(example ?? {}, pools, (n) => s.next().value % n));
}

/**
 * For every property of a JSON body's schema, the example body with that property null, as
 * `caller` on a real object: null must be refused like any wrong value, never reach a column
 * (class-validator's @IsOptional lets null through).
 */
export function nullFieldRequests(
  op: Operation,
  pools: IdPools,
  caller: Caller,
  schemas: Record<string, { properties?: Record<string, unknown> }>,
): fc.Arbitrary<FuzzRequest>[] {
  const ref = requestBody(op)?.content['application/json']?.schema?.$ref;
  const props = Object.keys((ref && schemas[ref.split('/').pop() ?? '']?.properties) ?? {});
  return props.map((prop) =>
    requestFor(
      op,
      pools,
      caller,
      exampleWithRealIds(op, pools).map((b) => ({
        type: 'application/json',
        text: toJson({ ...(b as object), [prop]: null }),
        valid: true,
      })),
    ),
  );
}

function body(op: Operation, pools: IdPools): fc.Arbitrary<Body> {
  const content = requestBody(op)?.content;
  const media = content ? Object.keys(content)[0] : undefined;
  const json = (v: unknown, valid = false) => ({
    type: 'application/json',
    text: toJson(v),
    valid,
  });
  const realBase = exampleWithRealIds(op, pools);
  // One to three spots replaced, mostly by a hostile value of the same JSON type.
  const mutated = realBase.chain((b) => {
    const spots = paths(b);
    const spot = fc.nat({ max: spots.length - 1 }).chain((i) => {
      const leaf = spots[i].reduce<unknown>(
        (node, key) => (node as Record<string | number, unknown>)[key],
        b,
      );
      const sameType =
        typeof leaf === 'string' ? dateOrString : typeof leaf === 'number' ? num : hostileValue;
      return fc.tuple(
        fc.constant(spots[i]),
        fc.oneof(sameType, sameType, hostileValue, fc.constant(null)),
      );
    });
    return fc
      .array(spot, { minLength: 1, maxLength: 3 })
      .map((edits) => edits.reduce((acc, [path, v]) => setAt(acc, path, v), b));
  });
  const csvish = fc.constantFrom(
    'code,name,level,parentCode\n=1+1,"=HYPERLINK(""x"")",village,370281105000',
    'code,name\n' + '1,x\n'.repeat(5000),
    '"unterminated,\n',
    '\ufeffcode,name,level,parentCode\n370281105299,村,village,370281105000',
  );
  const arbs: fc.WeightedArbitrary<Body>[] = [
    { weight: 6, arbitrary: mutated.map((b) => json(b)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(realBase, fc.constantFrom('status', 'mediatorId', 'courtId', 'version', 'id', 'x'))
        .map(([b, k]) => json({ ...(b as object), [k]: 'x' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}')
        .map((text) => ({ type: 'application/json', text, valid: false })),
    },
    { weight: 1, arbitrary: wrongType.map((b) => json(b)) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 400 }).map((d) => json(nest(d, 1))) },
    { weight: 1, arbitrary: fc.integer({ min: 1500, max: 4000 }).map((n) => json(wide(n))) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"a":', '{"a":1}{', '[1,]', '', 'null', '\u0000', '{"a":"\\ud800"}', 'ʃ')
        .map((text) => ({ type: 'application/json', text, valid: false })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/xml',
            'multipart/form-data; boundary=x',
            'x/y',
          ),
          realBase,
        )
        .map(([type, b]) => ({ type, text: toJson(b), valid: false })),
    },
  ];
  if (media === 'text/csv') {
    arbs.push({
      weight: 6,
      arbitrary: csvish.map((text) => ({ type: media, text, valid: false })),
    });
  } else if (content) {
    arbs.push({ weight: 8, arbitrary: realBase.map((b) => json(b, true)) });
  } else {
    arbs.push({ weight: 20, arbitrary: fc.constant({ valid: true }) });
  }
  return fc.oneof(...arbs);
}

const headerValue = fc.oneof(
  fc.constantFrom('1', '0', '-1', '"3"', 'W/"1"', '*', '99999999999999999999', 'abc'),
  fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
);

/**
 * A request to `op` as `caller` (any when not given). The runner adds the caller's current
 * token; a caller of `nobody` sends none or a forged one.
 */
export function requestFor(
  op: Operation,
  pools: IdPools,
  caller?: Caller,
  /** A body of the caller's choosing, sent with well-formed headers to a real object. */
  fixedBody?: fc.Arbitrary<Body>,
): fc.Arbitrary<FuzzRequest> {
  const own = pathPool(op.template, pools);
  const none = fc.constant(null);
  const forged = fc.constantFrom(
    undefined,
    'Bearer garbage',
    'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0.',
    'Basic YWRtaW46YWRtaW4=',
    'Bearer ',
  );
  return fc
    .record({
      caller: caller ? fc.constant(caller) : fc.constantFrom(...CALLERS),
      forged,
      id: fixedBody && own.length ? fc.constantFrom(...own) : pathId(op.template, pools),
      query: fixedBody ? fc.constant('') : query(op, pools),
      body: fixedBody ?? body(op, pools),
      ifMatch: fixedBody ? none : fc.option(headerValue, { freq: 8 }),
      idempotencyKey: fixedBody ? none : fc.option(fc.oneof(fc.uuid(), headerValue), { freq: 3 }),
      wrongMethod: fixedBody
        ? none
        : fc.option(fc.constantFrom('delete', 'put', 'patch'), { freq: 30 }),
    })
    .map((r) => {
      const headers: Record<string, string> = {};
      if (r.caller === 'nobody' && r.forged) headers.authorization = r.forged;
      if (r.body.type) headers['content-type'] = r.body.type;
      if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
      if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
      const path = op.template.replace(/\{[^}]+\}/g, r.id);
      const caseScoped = /^\/api\/v1\/cases\/\{id\}\/[a-z-]+$/.test(op.template);
      return {
        op,
        caller: r.caller,
        method: (r.wrongMethod ?? op.method).toUpperCase(),
        url: `${path}${r.query}`,
        headers,
        payload: r.body.text,
        wantsVersionOf:
          r.body.valid && caseScoped && op.method !== 'get' && pools.cases.includes(r.id)
            ? r.id
            : undefined,
      };
    });
}
