import { createTestApp, TestApp } from '../support/app.js';

describe('rate limiting (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_THROTTLE_LIMIT_PER_MINUTE: '3',
      THROTTLE_LIMIT_PER_MINUTE: '1000',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits the credential routes per IP with a problem+json 429 and Retry-After; other routes keep their budget', async () => {
    const attempt = () =>
      t.http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'whatever-it-is' });
    for (let i = 0; i < 3; i += 1) await attempt().expect(401);
    const limited = await attempt().expect(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await t.http().get('/api/v1/auth/me').expect(401); // not 429: a separate budget
  });
});
