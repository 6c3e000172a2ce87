import { createTestApp, type TestApp } from '../support/app.js';
import { caseInMediation } from '../support/cases.js';
import { PASSWORD } from '../support/fixtures.js';
import { bearer, login, seedWorld, type World } from '../support/world.js';

/**
 * 500s the fuzzer (fuzz.e2e-spec.ts) found, kept as plain regressions. Codes and fields only:
 * messages are translated elsewhere.
 */
describe('fuzz regressions (e2e)', () => {
  let t: TestApp;
  let world: World;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    admin = (await login(t, 'admin1')).access;
  });
  afterAll(async () => {
    await t.close();
  });

  /** PATCH `path` with `{ [field]: null }`: 400 naming the field, nothing changed. */
  const refusesNull = async (path: string, field: string): Promise<void> => {
    const before = (await t.http().get(path).set(bearer(admin)).expect(200)).body;
    const res = await t
      .http()
      .patch(path)
      .set(bearer(admin))
      .send({ [field]: null })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const after = (await t.http().get(path).set(bearer(admin)).expect(200)).body;
    expect(after).toEqual(before);
  };

  // @IsOptional() let null through to NOT NULL columns (and to a find's where): 500.
  it.each(['active', 'displayName'])('PATCH /users/:id refuses %s: null', async (field) => {
    await refusesNull(`/api/v1/users/${world.users.clerkB}`, field);
  });

  it.each(['name', 'designator'])('PATCH /courts/:id refuses %s: null', async (field) => {
    await refusesNull(`/api/v1/courts/${world.courts.b}`, field);
  });

  it.each(['name', 'rooms'])('PATCH /organizations/:id refuses %s: null', async (field) => {
    await refusesNull(`/api/v1/organizations/${world.orgs.z}`, field);
  });

  // Found with FUZZ_SEED=101: two creations of one username at once passed the existence check
  // together and the unique index's refusal left as a 500.
  it('POST /users: the same new username sent eight times at once is one 201 and seven 409s', async () => {
    const send = () =>
      t
        .http()
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ username: 'same.name', password: PASSWORD, displayName: '同名', role: 'admin' });
    const statuses = (await Promise.all(Array.from({ length: 8 }, send))).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });

  // The web app's cookie flow made the body's token optional; null reached the token hash.
  it('POST /auth/refresh refuses refreshToken: null', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: null })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('refreshToken');
  });

  it.each(['title', 'villageIds', 'specialities', 'active', 'maxActiveCases', 'charges'])(
    'PATCH /mediators/:id refuses %s: null',
    async (field) => {
      await refusesNull(`/api/v1/mediators/${world.users.mediatorZ1}`, field);
    },
  );

  it.each(['smsOptOut', 'smsDetailsAllowed'])(
    'PUT /parties/:id/sms-preferences refuses %s: null',
    async (field) => {
      const tok = {
        clerk: (await login(t, 'clerka')).access,
        supervisor: (await login(t, 'supervisorx')).access,
        mediator: (await login(t, 'mediatorx1')).access,
      };
      const c = await caseInMediation(t, tok, world.regions.x1, world.users.mediatorX1);
      const res = await t
        .http()
        .put(`/api/v1/parties/${c.parties[1].id}/sms-preferences`)
        .set(bearer(tok.mediator))
        .send({ [field]: null })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION.FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    },
  );

  it('PATCH /sessions/:id refuses null for each field', async () => {
    const tok = {
      clerk: (await login(t, 'clerka')).access,
      supervisor: (await login(t, 'supervisorx')).access,
      mediator: (await login(t, 'mediatorx1')).access,
    };
    const c = await caseInMediation(t, tok, world.regions.x1, world.users.mediatorX1);
    const session = await t
      .http()
      .post(`/api/v1/cases/${c.id}/sessions`)
      .set(bearer(tok.mediator))
      .send({
        scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        location: '百合调解室',
        mode: 'in_person',
        format: 'joint',
        version: c.version,
      })
      .expect(201);
    for (const field of ['scheduledAt', 'durationMinutes', 'location', 'mode', 'format']) {
      const res = await t
        .http()
        .patch(`/api/v1/sessions/${session.body.id}`)
        .set(bearer(tok.mediator))
        .send({ [field]: null, version: c.version + 1 })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
