import { createHmac } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app.js';
import { PASSWORD } from '../support/fixtures.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

const b64url = (v: object | string): string =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function signHs256(header: object, payload: object, secret: string): string {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('authentication (e2e)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (token: string) => t.http().get('/api/v1/auth/me').set(bearer(token));
  const auditCount = async (action: string): Promise<number> =>
    Number(
      (await t.ds.query('SELECT count(*) AS n FROM audit_events WHERE action = $1', [action]))[0].n,
    );

  it('logs in, returns a token pair and the user, and audits the success', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'ClerkA', password: PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: { username: 'clerka', role: 'clerk', phone: '139****5678' },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const profile = await me(res.body.accessToken).expect(200);
    expect(profile.body).toMatchObject({
      id: world.users.clerkA,
      role: 'clerk',
      courtId: world.courts.a,
    });
    expect(profile.headers['cache-control']).toBe('no-store');
    expect(await auditCount('auth.login_succeeded')).toBe(1);
  });

  it('refuses a wrong password and an unknown user with the same generic problem, audited', async () => {
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'clerka', password: 'nope-nope-nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'nobody', password: 'nope-nope-nope' })
      .expect(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ status: 401, code: 'AUTH.INVALID_CREDENTIALS' });
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(typeof wrong.body.requestId).toBe('string');
    expect(await auditCount('auth.login_failed')).toBe(2);
  });

  it('locks the account after 5 failures: even the right password is refused', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'clerka', password: `wrong-${i}-password` })
        .expect(401);
    }
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'clerka', password: PASSWORD })
      .expect(401);
    const [row] = await t.ds.query(
      'SELECT failed_login_count, locked_until FROM users WHERE id = $1',
      [world.users.clerkA],
    );
    expect(row.failed_login_count).toBe(5);
    expect(new Date(row.locked_until).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // Another account is not affected.
    await login(t, 'clerkb');
  });

  it('rotates refresh tokens: the new pair works, the old refresh token is refused and burns the session', async () => {
    const first = await login(t, 'clerka');
    const second = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refresh })
      .expect(200);
    // The new token used in turn: the old one can no longer be a retry of a lost answer.
    const rotated = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(200);
    await me(rotated.body.accessToken).expect(200);
    const replay = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refresh })
      .expect(401);
    expect(replay.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    // Reuse means theft: the whole session, including the rotated tokens, is revoked.
    await me(rotated.body.accessToken).expect(401);
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: rotated.body.refreshToken })
      .expect(401);
    expect(await auditCount('auth.refresh_reuse_detected')).toBe(1);
  });

  it('logout revokes the access token and the refresh token at once', async () => {
    const pair = await login(t, 'clerka');
    await t.http().post('/api/v1/auth/logout').set(bearer(pair.access)).expect(204);
    await me(pair.access).expect(401);
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: pair.refresh })
      .expect(401);
    // Her own logout: not a revocation by someone else.
    expect(res.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it("stops a disabled user's tokens and her logins", async () => {
    const admin = await login(t, 'admin1');
    const clerk = await login(t, 'clerka');
    await t
      .http()
      .patch(`/api/v1/users/${world.users.clerkA}`)
      .set(bearer(admin.access))
      .send({ active: false })
      .expect(200);
    await me(clerk.access).expect(401);
    const refused = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: clerk.refresh })
      .expect(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    expect(refused.body.detail).toContain('注销');
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'clerka', password: PASSWORD })
      .expect(401);
  });

  it('a password reset by an admin ends her sessions: refresh says AUTH.SESSION_REVOKED', async () => {
    const admin = await login(t, 'admin1');
    const mediator = await login(t, 'mediatorx1');
    const other = await login(t, 'clerka');
    await t
      .http()
      .patch(`/api/v1/users/${world.users.mediatorX1}`)
      .set(bearer(admin.access))
      .send({ password: 'A-New-Password-For-Her-42' })
      .expect(200);
    const refused = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: mediator.refresh })
      .expect(401);
    expect(refused.body).toMatchObject({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    const en = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Accept-Language', 'en')
      .send({ refreshToken: mediator.refresh })
      .expect(401);
    expect(en.body.code).toBe('AUTH.SESSION_REVOKED');
    expect(en.body.detail).toMatch(/disabled or its password reset/);
    // Another user's session is untouched; she signs in again with the new password.
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: other.refresh }).expect(200);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'mediatorx1', password: 'A-New-Password-For-Her-42' })
      .expect(200);
  });

  it('after a copied refresh token was replayed, the live token of the session says AUTH.SESSION_REVOKED', async () => {
    const first = await login(t, 'clerka');
    const second = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refresh })
      .expect(200);
    const rotated = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(200);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refresh }).expect(401);
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: rotated.body.refreshToken })
      .expect(401);
    expect(res.body.code).toBe('AUTH.SESSION_REVOKED');
  });

  it('a refresh whose answer was lost is answered again while its successor is unused, within REFRESH_RETRY_GRACE_SECONDS; later it burns the session', async () => {
    const refresh = (token: string) =>
      t.http().post('/api/v1/auth/refresh').send({ refreshToken: token });
    const first = await login(t, 'clerka');
    // Rotated at the server, the answer lost on the way back: the phone still holds `first`.
    await refresh(first.refresh).expect(200);
    const retried = await refresh(first.refresh).expect(200);
    await me(retried.body.accessToken).expect(200);
    expect(await auditCount('auth.refresh_retried')).toBe(1);
    // The chain goes on from the retry's token; the old one is now two generations back.
    const next = await refresh(retried.body.refreshToken).expect(200);
    expect((await refresh(first.refresh).expect(401)).body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    await me(next.body.accessToken).expect(401);

    // Past the grace period a spent token is a copy, whatever its successor's state.
    const other = await login(t, 'clerka');
    await refresh(other.refresh).expect(200);
    await t.ds.query(
      `UPDATE refresh_tokens SET used_at = now() - interval '2 minutes'
        WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [other.refresh],
    );
    await refresh(other.refresh).expect(401);
    expect(await auditCount('auth.refresh_reuse_detected')).toBeGreaterThanOrEqual(2);
  });

  it('an unknown refresh token stays AUTH.INVALID_REFRESH_TOKEN', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
    expect(res.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('an expired session stays AUTH.INVALID_REFRESH_TOKEN', async () => {
    const pair = await login(t, 'clerka');
    await t.ds.query(
      `UPDATE auth_sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [world.users.clerkA],
    );
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: pair.refresh })
      .expect(401);
    expect(res.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  describe('crafted access tokens are 401', () => {
    const secret = process.env.JWT_SECRET ?? 'dev-only-jwt-secret-change-me-0123456789abcdef';
    let claims: Record<string, unknown>;

    beforeEach(async () => {
      const pair = await login(t, 'clerka');
      claims = JSON.parse(Buffer.from(pair.access.split('.')[1], 'base64url').toString());
      await me(pair.access).expect(200); // the genuine token works
    });

    it('alg none', async () => {
      await me(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`).expect(401);
    });
    it('a wrong signature', async () => {
      await me(
        signHs256(
          { alg: 'HS256', typ: 'JWT' },
          claims,
          'another-secret-another-secret-another-secret',
        ),
      ).expect(401);
    });
    it('expired', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      await me(
        signHs256({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: past - 900, exp: past }, secret),
      ).expect(401);
    });
    it('a wrong audience or issuer', async () => {
      await me(
        signHs256({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'someone-else' }, secret),
      ).expect(401);
      await me(
        signHs256({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'someone-else' }, secret),
      ).expect(401);
    });
    it('a token of another type', async () => {
      await me(
        signHs256({ alg: 'HS256', typ: 'JWT' }, { ...claims, typ: 'refresh' }, secret),
      ).expect(401);
    });
    it('without exp or iat, living longer than JWT_ACCESS_TTL_SECONDS, or issued in the future', async () => {
      const h = { alg: 'HS256', typ: 'JWT' };
      const now = Math.floor(Date.now() / 1000);
      await me(signHs256(h, claims, secret)).expect(200); // re-signed as issued: accepted
      const { exp: _exp, ...noExp } = claims;
      await me(signHs256(h, noExp, secret)).expect(401);
      const { iat: _iat, ...noIat } = claims;
      await me(signHs256(h, noIat, secret)).expect(401);
      await me(signHs256(h, { ...claims, iat: now, exp: now + 901 }, secret)).expect(401);
      await me(signHs256(h, { ...claims, iat: now + 3600, exp: now + 3600 + 900 }, secret)).expect(
        401,
      );
    });
    it('a refresh token used as an access token', async () => {
      const pair = await login(t, 'clerka');
      await me(pair.refresh).expect(401);
    });
    it('no token, or a malformed header', async () => {
      await t.http().get('/api/v1/auth/me').expect(401);
      await t.http().get('/api/v1/auth/me').set('Authorization', 'Basic abc').expect(401);
    });
  });
});
