import { createTestApp, type TestApp } from '../support/app.js';
import { Contract, type ObservedResponse } from '../support/contract.js';
import { bearer, login, seedWorld } from '../support/world.js';

/**
 * The contract check every e2e response goes through (support/contract.ts) refuses what the
 * committed openapi.json does not describe. Synthetic responses, no app: if this passes while
 * the check has gone lenient, the whole suite would be proving nothing.
 */
describe('contract: responses checked against openapi.json', () => {
  const contract = new Contract();
  const id = '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a644';
  const json = (status: number, body: unknown, type = 'application/json'): ObservedResponse => ({
    status,
    headers: { 'content-type': `${type}; charset=utf-8` },
    text: body === undefined ? '' : JSON.stringify(body),
  });
  const problem = (status: number, extra: Record<string, unknown> = {}): ObservedResponse =>
    json(
      status,
      {
        type: 'https://mediation.example/problems/x',
        title: 'T',
        status,
        code: 'CASE.NOT_FOUND',
        detail: 'd',
        requestId: 'r',
        ...extra,
      },
      'application/problem+json',
    );

  it('matches a request to its operation by method and path template, literals first', () => {
    expect(contract.match('POST', '/api/v1/cases/search')?.template).toBe('/api/v1/cases/search');
    expect(contract.match('GET', `/api/v1/cases/${id}`)?.template).toBe('/api/v1/cases/{id}');
    expect(contract.match('GET', '/api/v1/notifications/unread-count')?.template).toBe(
      '/api/v1/notifications/unread-count',
    );
    expect(contract.match('DELETE', `/api/v1/cases/${id}`)).toBeUndefined();
    expect(contract.operations().length).toBeGreaterThan(60);
  });

  it('accepts what the document describes', () => {
    const unread = '/api/v1/notifications/unread-count';
    expect(contract.check('GET', unread, json(200, { unreadCount: 3 }))).toEqual([]);
    expect(contract.check('GET', `/api/v1/cases/${id}?x=1`, problem(404))).toEqual([]);
    const invalid = problem(400, {
      errors: [{ field: 'reason', code: 'VALIDATION.IS_NOT_EMPTY', message: 'm' }],
    });
    expect(contract.check('POST', `/api/v1/cases/${id}/withdraw`, invalid)).toEqual([]);
    const read = `/api/v1/notifications/${id}/read`;
    expect(contract.check('POST', read, { status: 204, headers: {}, text: '' })).toEqual([]);
    const pdf = { status: 200, headers: { 'content-type': 'application/pdf' }, body: {} };
    expect(contract.check('GET', `/api/v1/documents/${id}/pdf`, pdf)).toEqual([]);
    // Outside the document: only a Problem.
    expect(contract.check('GET', '/api/v1/nope', problem(404))).toEqual([]);
  });

  it('refuses a status, a media type or a body the document does not describe', () => {
    const unread = '/api/v1/notifications/unread-count';
    const refused = (method: string, url: string, res: ObservedResponse) =>
      expect(contract.check(method, url, res)).not.toEqual([]);
    refused('GET', unread, json(201, { unreadCount: 3 })); // undeclared status
    refused('GET', unread, problem(500)); // a 5xx is never declared
    refused('GET', unread, json(200, { unreadCount: '3' })); // wrong type
    refused('GET', unread, json(200, {})); // required field missing
    refused('GET', unread, json(200, { unreadCount: 3, extra: true })); // undeclared field
    refused('GET', unread, json(200, { unreadCount: 3 }, 'text/html')); // wrong media type
    refused('GET', `/api/v1/cases/${id}`, json(404, { code: 'CASE.NOT_FOUND' })); // not problem+json
    refused('GET', `/api/v1/cases/${id}`, problem(404, { code: undefined })); // a Problem lacks its code
    const bad = problem(400, { errors: [{ message: 'm' }] }); // an errors[] item lacks its field
    refused('POST', `/api/v1/cases/${id}/withdraw`, bad);
    const read = `/api/v1/notifications/${id}/read`;
    refused('POST', read, json(204, { ok: true })); // 204 with a body
    const csv = { status: 200, headers: { 'content-type': 'text/csv' }, body: {} };
    refused('GET', `/api/v1/documents/${id}/pdf`, csv);
    refused('GET', '/api/v1/nope', json(200, {})); // a success outside the document
    refused('GET', '/api/v1/nope', json(404, { message: 'Not Found' })); // an error not a Problem
  });
});

/** Answers the fuzzer found the document lacking; through t.http(), so checked against it. */
describe('contract: refusals before the handler are declared (e2e)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    await seedWorld(t.app);
    token = (await login(t, 'clerka')).access;
  });
  afterAll(async () => {
    await t.close();
  });

  it('a path parameter over the router limit is 414 on an operation with one', async () => {
    const res = await t
      .http()
      .get(`/api/v1/cases/${'长'.repeat(400)}`)
      .set(bearer(token))
      .expect(414);
    expect(res.body.code).toBe('REQUEST.PARAMETER_TOO_LONG');
  });

  it('a POST without a request body still refuses a body over its limit (413) or of an unknown type (415)', async () => {
    const big = await t
      .http()
      .post('/api/v1/auth/logout')
      .set(bearer(token))
      .send({ filler: 'x'.repeat(20_000) })
      .expect(413);
    expect(big.body.code).toBe('REQUEST.TOO_LARGE');
    const xml = await t
      .http()
      .post('/api/v1/auth/logout')
      .set(bearer(token))
      .set('content-type', 'application/xml')
      .send('<a/>')
      .expect(415);
    expect(xml.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });
});
