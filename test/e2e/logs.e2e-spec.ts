import { readFileSync } from 'node:fs';
import { createTestApp, TestApp } from '../support/app.js';
import { FIXTURE_SECRETS, ID_NUMBER, PASSWORD, PHONE } from '../support/fixtures.js';
import { TEST_LOG_FILE } from '../support/test-env.js';
import { bearer, login, seedWorld } from '../support/world.js';

describe('logs (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('hold request lines but no ID number, phone, password or token', async () => {
    const pair = await login(t, 'clerka');
    const admin = await login(t, 'admin1');
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'clerka', password: `${PASSWORD}-wrong` })
      .expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: pair.refresh }).expect(200);
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.access))
      .set('X-Request-Id', 'logs-test-sensitive-1')
      .send({
        username: 'leaky',
        password: PASSWORD,
        displayName: ID_NUMBER,
        role: 'clerk',
        phone: PHONE,
      })
      .expect(400); // a clerk without a court: refused, after the body was read
    await t.http().get(`/api/v1/regions?q=${PHONE}`).set(bearer(pair.access)).expect(200);

    const log = readFileSync(TEST_LOG_FILE, 'utf8');
    expect(log).toContain('logs-test-sensitive-1'); // the requests were logged…
    expect(log).toContain('"path":"/api/v1/regions"'); // …without their query strings
    for (const secret of [...FIXTURE_SECRETS, pair.access, pair.refresh, admin.access]) {
      expect(log.includes(secret)).toBe(false);
    }
  });
});
