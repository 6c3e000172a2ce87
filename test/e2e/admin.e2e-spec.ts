import { createTestApp, TestApp } from '../support/app.js';
import { PASSWORD } from '../support/fixtures.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

describe('administration (e2e): users, regions CSV import', () => {
  let t: TestApp;
  let world: World;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    admin = (await login(t, 'admin1')).access;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a user with her phone masked in responses and encrypted at rest', async () => {
    const phone = '13700001111';
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        username: 'Clerk.New',
        password: PASSWORD,
        displayName: '赵敏',
        role: 'clerk',
        courtId: world.courts.a,
        phone,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      username: 'clerk.new',
      role: 'clerk',
      phone: '137****1111',
      active: true,
    });
    const [row] = await t.ds.query(`SELECT * FROM users WHERE id = $1`, [res.body.id]);
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await login(t, 'clerk.new');
    const list = await t
      .http()
      .get('/api/v1/users?role=clerk&q=clerk.n')
      .set(bearer(admin))
      .expect(200);
    expect(list.body).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 20,
      items: [{ id: res.body.id }],
    });
    const again = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ username: 'clerk.new', password: PASSWORD, displayName: '重名', role: 'admin' })
      .expect(409);
    expect(again.body.code).toBe('USER.USERNAME_TAKEN');
  });

  it('places users where their role needs them', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        username: 'med2',
        password: PASSWORD,
        displayName: '调解员',
        role: 'mediator',
        regionId: world.regions.townX,
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'organizationId',
      'regionId',
    ]);
  });

  it('refuses to disable the last admin', async () => {
    await t
      .http()
      .patch(`/api/v1/users/${world.users.admin}`)
      .set(bearer(admin))
      .send({ active: false })
      .expect(409);
  });

  it('imports regions from CSV, all or nothing, and the same file twice changes nothing', async () => {
    const csv = [
      'code,name,level,parentCode',
      '370283000000,平度市,county,370200000000',
      '370283101000,东阁街道,township,370283000000',
      '370283101201,南村,village,370283101000',
    ].join('\n');
    const post = (body: string) =>
      t
        .http()
        .post('/api/v1/regions/import')
        .set(bearer(admin))
        .set('Content-Type', 'text/csv')
        .send(body);
    expect((await post(csv).expect(201)).body).toEqual({ created: 3, unchanged: 0 });
    expect((await post(csv).expect(201)).body).toEqual({ created: 0, unchanged: 3 });

    const bad = `${csv}\n370283101202,北村,village,370283999000\n370283101203,西村,township,370283101000`;
    const before = Number((await t.ds.query('SELECT count(*) AS n FROM regions'))[0].n);
    const res = await post(bad.replace('370283000000,平度市', '370284000000,莱西市')).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['line 5.parentCode', 'line 6.level']),
    );
    expect(Number((await t.ds.query('SELECT count(*) AS n FROM regions'))[0].n)).toBe(before);
    const village = await t
      .http()
      .get('/api/v1/regions?q=370283101201')
      .set(bearer(admin))
      .expect(200);
    expect(village.body.items[0]).toMatchObject({ name: '南村', level: 'village' });
  });
});
