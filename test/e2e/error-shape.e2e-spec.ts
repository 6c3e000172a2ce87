import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../support/app.js';

const INTEGRATOR = 'https://integrator.example';
const FOREIGN = 'https://evil.example';

/** Every error, whoever answers it (router, parser, plugin, Nest), leaves as problem+json. */
describe('one error shape for everything (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      CORS_ORIGINS: INTEGRATOR,
      THROTTLE_LIMIT_PER_MINUTE: '120',
      LOGIN_THROTTLE_LIMIT_PER_MINUTE: '1000',
    });
  });
  afterAll(async () => {
    await t.close();
    delete process.env.CORS_ORIGINS;
  });

  const deep = '['.repeat(3000) + ']'.repeat(3000);
  const manyKeys = `{${Array.from({ length: 2001 }, (_, i) => `"k${i}":1`).join(',')}}`;
  const json = (path: string, body: string) =>
    t.http().post(path).set('Content-Type', 'application/json').send(body);

  const table: Array<[string, () => Promise<Response>, number, string, RegExp | null]> = [
    ['bad percent-encoding', () => t.http().get('/api/v1/cases/%ZZ'), 400, 'REQUEST.BAD_URL', null],
    [
      'path parameter over maxParamLength',
      () => t.http().get(`/api/v1/cases/${'a'.repeat(300)}`),
      414,
      'REQUEST.PARAMETER_TOO_LONG',
      null,
    ],
    ['unknown route', () => t.http().get('/api/v1/nothing-here'), 404, 'ROUTE.NOT_FOUND', null],
    ['wrong method', () => t.http().delete('/api/v1/auth/login'), 404, 'ROUTE.NOT_FOUND', null],
    [
      'unsupported media type',
      () => t.http().post('/api/v1/auth/login').set('Content-Type', 'application/xml').send('<a/>'),
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      null,
    ],
    [
      'invalid JSON',
      () => json('/api/v1/auth/login', '{"username":'),
      400,
      'REQUEST.MALFORMED',
      null,
    ],
    ['empty JSON body', () => json('/api/v1/auth/login', ''), 400, 'REQUEST.MALFORMED', null],
    [
      'payload over the login limit',
      () => json('/api/v1/auth/login', JSON.stringify({ username: 'x'.repeat(20_000) })),
      413,
      'REQUEST.TOO_LARGE',
      /16 KB/,
    ],
    [
      'payload over the default limit',
      () => json('/api/v1/cases/search', JSON.stringify({ q: 'x'.repeat(300_000) })),
      413,
      'REQUEST.TOO_LARGE',
      /256 KB/,
    ],
    [
      'CSV over the import limit',
      () =>
        t
          .http()
          .post('/api/v1/regions/import')
          .set('Content-Type', 'text/csv')
          .send('x'.repeat(5 * 1024 * 1024 + 1)),
      413,
      'REQUEST.TOO_LARGE',
      /5 MB/,
    ],
    ['nested too deep', () => json('/api/v1/auth/login', deep), 400, 'BODY.TOO_DEEP', /32/],
    [
      'too many keys',
      () => json('/api/v1/cases/search', manyKeys),
      400,
      'BODY.TOO_MANY_KEYS',
      /2000/,
    ],
    [
      '__proto__ key',
      () => json('/api/v1/auth/login', '{"username":"a","password":"b","__proto__":{"x":1}}'),
      400,
      'VALIDATION.FAILED',
      null,
    ],
    [
      'constructor / prototype keys, nested too',
      () => json('/api/v1/cases/search', '{"constructor":{"x":1},"a":{"prototype":1}}'),
      400,
      'VALIDATION.FAILED',
      null,
    ],
    [
      'preflight from a foreign origin',
      () =>
        t
          .http()
          .options('/api/v1/cases')
          .set('Origin', FOREIGN)
          .set('Access-Control-Request-Method', 'POST'),
      403,
      'CORS.ORIGIN_NOT_ALLOWED',
      null,
    ],
    [
      'request from a foreign origin',
      () => t.http().get('/api/v1/auth/me').set('Origin', FOREIGN),
      403,
      'CORS.ORIGIN_NOT_ALLOWED',
      null,
    ],
    [
      'foreign origin on the API docs (not a Nest route)',
      () => t.http().get('/api/docs-json').set('Origin', FOREIGN),
      403,
      'CORS.ORIGIN_NOT_ALLOWED',
      null,
    ],
    [
      'foreign origin on Bull Board (its own error handler)',
      () => t.http().get('/admin/queues/api/queues').set('Origin', FOREIGN),
      403,
      'CORS.ORIGIN_NOT_ALLOWED',
      null,
    ],
    [
      'OPTIONS without Origin',
      () => t.http().options('/api/v1/cases'),
      404,
      'ROUTE.NOT_FOUND',
      null,
    ],
    ['no token', () => t.http().get('/api/v1/auth/me'), 401, 'AUTH.UNAUTHENTICATED', null],
  ];

  function expectProblem(
    res: Response,
    status: number,
    code: string,
    detail?: RegExp | null,
  ): void {
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Object.keys(res.body).sort()).toEqual(
      expect.arrayContaining(['code', 'detail', 'requestId', 'status', 'title', 'type']),
    );
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    if (detail) expect(res.body.detail).toMatch(detail);
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|SELECT|QueryFailedError|FST_ERR|statusCode/);
  }

  it.each(table)('%s → %i %s', async (_name, send, status, code, detail) => {
    expectProblem(await send(), status, code, detail);
  });

  it('answers a configured origin’s preflight with the allow headers; same-origin and no-Origin requests are untouched', async () => {
    const preflight = await t
      .http()
      .options('/api/v1/cases')
      .set('Origin', INTEGRATOR)
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'authorization,content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(INTEGRATOR);
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization,content-type');
    const actual = await t.http().get('/api/v1/auth/me').set('Origin', INTEGRATOR).expect(401);
    expect(actual.headers['access-control-allow-origin']).toBe(INTEGRATOR);
    expect(actual.headers['access-control-expose-headers']).toContain('X-Request-Id');

    const sameOrigin = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Host', 'mediation.example')
      .set('Origin', 'https://mediation.example')
      .expect(401);
    expect(sameOrigin.body.code).toBe('AUTH.UNAUTHENTICATED');
    expect(sameOrigin.headers['access-control-allow-origin']).toBeUndefined();
    await t.http().get('/health/live').expect(200);
  });

  it('rate limits with a problem+json 429 and Retry-After, on Nest routes and on the docs alike', async () => {
    let res = await t.http().get('/api/v1/auth/me');
    for (let i = 0; i < 200 && res.status !== 429; i += 1) {
      res = await t.http().get('/api/v1/auth/me');
    }
    expectProblem(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const docs = await t.http().get('/api/docs-json');
    expectProblem(docs, 429, 'RATE_LIMITED');
    expect(Number(docs.headers['retry-after'])).toBeGreaterThan(0);
  });
});
