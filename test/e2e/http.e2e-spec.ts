import { readFileSync } from 'node:fs';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY } from '../../src/common/auth/access.decorator.js';
import { buildOpenApi } from '../../src/http/create-api-app.js';
import { createTestApp, TestApp } from '../support/app.js';
import { ID_NUMBER } from '../support/fixtures.js';
import { bearer, login, seedWorld } from '../support/world.js';

describe('HTTP surface (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    await seedWorld(t.app);
    admin = (await login(t, 'admin1')).access;
  });
  afterAll(async () => {
    await t.close();
  });

  it('every route declares who may call it (deny by default)', () => {
    const routes: string[] = [];
    const undeclared: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const cls = wrapper.metatype as (new () => object) | undefined;
        if (!cls) continue;
        const proto = cls.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const label = `${Reflect.getMetadata(METHOD_METADATA, handler)} ${cls.name}.${name}`;
          routes.push(label);
          if (!Reflect.getMetadata(ACCESS_KEY, handler) && !Reflect.getMetadata(ACCESS_KEY, cls))
            undeclared.push(label);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const res = await t.http().get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
  });

  it('refuses a role that may never call a route with 403', async () => {
    const clerk = (await login(t, 'clerka')).access;
    const res = await t.http().get('/api/v1/users').set(bearer(clerk)).expect(403);
    expect(res.body.code).toBe('AUTH.FORBIDDEN');
  });

  it('names the failing fields of bad input and never echoes it', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ username: 'x', password: 'short', displayName: '', role: 'judge', phone: ID_NUMBER })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining(['displayName', 'password', 'phone', 'role', 'username']),
    );
    expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);
  });

  it('refuses server-owned and unknown fields (including __proto__) and persists nothing', async () => {
    const body = {
      username: 'sneaky',
      password: 'long-enough-password',
      displayName: '某',
      role: 'admin',
    };
    for (const extra of [
      { id: '00000000-0000-4000-8000-000000000000' },
      { active: false },
      { failedLoginCount: 0 },
    ]) {
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ ...body, ...extra })
        .expect(400);
      expect(res.body.errors[0].field).toBe(Object.keys(extra)[0]);
    }
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .set('Content-Type', 'application/json')
      .send(
        `{"username":"sneaky","password":"long-enough-password","displayName":"某","role":"admin","__proto__":{"x":1}}`,
      )
      .expect(400);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM users WHERE username = 'sneaky'`,
    );
    expect(n).toBe(0);
  });

  it('answers malformed requests with 4xx problem+json, never a 500 or internals', async () => {
    const cases = [
      t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username":'),
      t.http().post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('hello'),
      t.http().post('/api/v1/auth/login').send([1, 2, 3]),
      t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: { $ne: '' }, password: 1 }),
      t.http().get('/api/v1/regions/not-a-uuid').set(bearer(admin)),
      t.http().get('/api/v1/regions?page=-1&pageSize=1000').set(bearer(admin)),
      t.http().get('/api/v1/audit?from=yesterday').set(bearer(admin)),
      t
        .http()
        .post('/api/v1/regions/import')
        .set(bearer(admin))
        .set('Content-Type', 'text/csv')
        .send('code,name\n1,2'),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/at .*\.(ts|js):\d+|SELECT|QueryFailedError/);
    }
  });

  it('sets security headers and a request id', async () => {
    const res = await t
      .http()
      .get('/health/live')
      .set('X-Request-Id', 'test-request-0001')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('test-request-0001');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('reports readiness of PostgreSQL and Redis', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves Prometheus metrics with HTTP latency, queue depth and outbox backlog', async () => {
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/queue_jobs\{queue="maintenance",state="waiting"\}/);
    expect(res.text).toMatch(/outbox_backlog\{status="pending"\} \d+/);
  });

  it('serves the OpenAPI document, and the committed openapi.json is current', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/v1/auth/login']).toBeDefined();
    const committed = readFileSync('openapi.json', 'utf8');
    const current = `${JSON.stringify(buildOpenApi(t.app), null, 2)}\n`;
    // On failure: npm run openapi:write
    expect(current === committed).toBe(true);
  });

  it('keeps Bull Board for admins', async () => {
    await t.http().get('/admin/queues').expect(401);
    const clerk = (await login(t, 'clerka')).access;
    await t.http().get('/admin/queues').set(bearer(clerk)).expect(401);
    await t.http().get('/admin/queues').set(bearer(admin)).expect(200);
  });
});
