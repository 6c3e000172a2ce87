import { createTestApp, TestApp } from '../support/app.js';
import { PASSWORD } from '../support/fixtures.js';
import { bearer, seedWorld } from '../support/world.js';

/** The web app's session: refresh token in an httpOnly cookie, CSRF header required. */
const WEB = { 'X-Requested-With': 'mediation-web' };
const COOKIE = 'mediation_refresh';

const cookieOf = (setCookie: string[] | string | undefined): string | undefined => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.find((c) => c.startsWith(`${COOKIE}=`));
};
const valueOf = (cookie: string | undefined): string => cookie?.split(';')[0].split('=')[1] ?? '';

describe('web session cookie (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const webLogin = () =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set(WEB)
      .send({ username: 'clerka', password: PASSWORD })
      .expect(200);

  it('login from the web app puts the refresh token in a scoped httpOnly SameSite=Strict cookie, not the body', async () => {
    const res = await webLogin();
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toBeUndefined();
    const cookie = cookieOf(res.headers['set-cookie']);
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(['path=/api/v1/auth/refresh', 'httponly', 'samesite=strict']),
    );
    // Secure only in production (the tests run as NODE_ENV=test over plain HTTP).
    expect(attributes).not.toContain('secure');
    expect(valueOf(cookie).length).toBeGreaterThan(20);
  });

  it('refreshes from the cookie with the header, rotating the cookie; the old cookie is spent', async () => {
    const first = cookieOf((await webLogin()).headers['set-cookie'])!;
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${valueOf(first)}`)
      .send({})
      .expect(200);
    expect(res.body.refreshToken).toBeUndefined();
    await t.http().get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
    const second = cookieOf(res.headers['set-cookie']);
    expect(valueOf(second)).not.toBe(valueOf(first));
    // The new cookie used in turn: the first is no longer a retry of a lost answer (auth spec).
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${valueOf(second)}`)
      .send({})
      .expect(200);

    const replay = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${valueOf(first)}`)
      .send({})
      .expect(401);
    expect(replay.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    // A failed cookie refresh clears the cookie.
    expect(cookieOf(replay.headers['set-cookie'])).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });

  it('refuses the cookie without the CSRF header (403), and does not spend it', async () => {
    const cookie = valueOf(cookieOf((await webLogin()).headers['set-cookie']));
    const refused = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('AUTH.CSRF_HEADER_MISSING');
    const wrongValue = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('X-Requested-With', 'XMLHttpRequest')
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(403);
    expect(wrongValue.body.code).toBe('AUTH.CSRF_HEADER_MISSING');
    // The token survived the refused attempts.
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(200);
  });

  it('refuses a cross-site request outright (CORS), whatever it carries', async () => {
    const cookie = valueOf(cookieOf((await webLogin()).headers['set-cookie']));
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set(WEB)
      .set('Origin', 'https://evil.example')
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(403);
    expect(res.body.code).toBe('CORS.ORIGIN_NOT_ALLOWED');
  });

  it('without cookie or body token: 401', async () => {
    const res = await t.http().post('/api/v1/auth/refresh').set(WEB).send({}).expect(401);
    expect(res.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('logout revokes the session and clears the cookie', async () => {
    const login = await webLogin();
    const cookie = valueOf(cookieOf(login.headers['set-cookie']));
    const out = await t
      .http()
      .post('/api/v1/auth/logout')
      .set(WEB)
      .set(bearer(login.body.accessToken))
      .expect(204);
    const cleared = cookieOf(out.headers['set-cookie']);
    expect(cleared).toMatch(/Path=\/api\/v1\/auth\/refresh/);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(401);
  });

  it('API clients keep the JSON flow: tokens in the body, no cookie', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'clerka', password: PASSWORD })
      .expect(200);
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(cookieOf(login.headers['set-cookie'])).toBeUndefined();
    const refreshed = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(cookieOf(refreshed.headers['set-cookie'])).toBeUndefined();
  });
});
