import { createTestApp, type TestApp } from '../support/app.js';
import { PASSWORD } from '../support/fixtures.js';
import { seedSentinels, type Sentinels } from '../support/sentinels.js';
import { bearer, login, seedWorld, type World } from '../support/world.js';

/** Sentinel points (哨点) are organisations of a kind with watched villages; their reporters. */
describe('sentinel points and reporters (e2e)', () => {
  let t: TestApp;
  let world: World;
  let sentinels: Sentinels;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    sentinels = await seedSentinels(t.app, world);
    for (const u of ['admin1', 'clerka', 'sentinelx1']) tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t?.close();
  });

  const fields = (body: { errors: { field: string; code: string }[] }) =>
    body.errors.map((e) => `${e.field}:${e.code}`);

  it('an admin creates, reads, lists by kind and updates a point; villages checked', async () => {
    const made = await t
      .http()
      .post('/api/v1/organizations')
      .set(bearer(tok.admin1))
      .send({
        name: '胶北执委工作室',
        regionId: world.regions.townY,
        kind: 'executive_studio',
        responsiblePerson: '赵红',
        watchedVillageIds: [world.regions.y1],
      })
      .expect(201);
    expect(made.body).toMatchObject({
      kind: 'executive_studio',
      responsiblePerson: '赵红',
      watchedVillageIds: [world.regions.y1],
    });
    const read = await t
      .http()
      .get(`/api/v1/organizations/${made.body.id}`)
      .set(bearer(tok.admin1))
      .expect(200);
    expect(read.body.watchedVillageIds).toEqual([world.regions.y1]);

    const studios = await t
      .http()
      .get('/api/v1/organizations?kind=executive_studio')
      .set(bearer(tok.admin1))
      .expect(200);
    expect(studios.body.items.map((o: { id: string }) => o.id)).toEqual([made.body.id]);
    const orgs = await t
      .http()
      .get('/api/v1/organizations?kind=mediation_org')
      .set(bearer(tok.admin1))
      .expect(200);
    expect(orgs.body.items.map((o: { id: string }) => o.id).sort()).toEqual(
      [world.orgs.x, world.orgs.z].sort(),
    );

    // A township is not a village; Z1 lies outside township Y.
    const bad = await t
      .http()
      .patch(`/api/v1/organizations/${made.body.id}`)
      .set(bearer(tok.admin1))
      .send({ watchedVillageIds: [world.regions.townY, world.regions.z1] })
      .expect(400);
    expect(fields(bad.body)).toEqual([
      'watchedVillageIds.0:ORGANIZATION.WATCHED_VILLAGE_NOT_VILLAGE',
      'watchedVillageIds.1:ORGANIZATION.WATCHED_VILLAGE_OUTSIDE_REGION',
    ]);
    const badCreate = await t
      .http()
      .post('/api/v1/organizations')
      .set(bearer(tok.admin1))
      .send({
        name: '外村妇女微家',
        regionId: world.regions.townX,
        kind: 'women_micro_home',
        watchedVillageIds: [world.regions.y1],
      })
      .expect(400);
    expect(fields(badCreate.body)).toEqual([
      'watchedVillageIds.0:ORGANIZATION.WATCHED_VILLAGE_OUTSIDE_REGION',
    ]);
    const patched = await t
      .http()
      .patch(`/api/v1/organizations/${made.body.id}`)
      .set(bearer(tok.admin1))
      .send({ watchedVillageIds: [], responsiblePerson: null, kind: 'personal_room' })
      .expect(200);
    expect(patched.body).toMatchObject({
      kind: 'personal_room',
      responsiblePerson: null,
      watchedVillageIds: [],
    });
    await t
      .http()
      .post('/api/v1/organizations')
      .set(bearer(tok.clerka))
      .send({ name: '某妇女微家', regionId: world.regions.townX, kind: 'women_micro_home' })
      .expect(403);
  });

  it('a sentinel reporter is placed at a sentinel point, inside its region', async () => {
    const create = (body: object) =>
      t
        .http()
        .post('/api/v1/users')
        .set(bearer(tok.admin1))
        .send({ password: PASSWORD, displayName: '信息员', role: 'sentinel', ...body });
    const missing = await create({ username: 'sentinel-a' }).expect(400);
    expect(fields(missing.body)).toEqual([
      'regionId:USER.PLACEMENT_REQUIRED',
      'organizationId:USER.PLACEMENT_REQUIRED',
    ]);
    const notPoint = await create({
      username: 'sentinel-b',
      regionId: world.regions.x1,
      organizationId: world.orgs.x,
    }).expect(400);
    expect(fields(notPoint.body)).toEqual(['organizationId:ORGANIZATION.NOT_SENTINEL_POINT']);
    const outside = await create({
      username: 'sentinel-c',
      regionId: world.regions.z1,
      organizationId: sentinels.points.homeX,
    }).expect(400);
    expect(fields(outside.body)).toEqual(['regionId:USER.SENTINEL_REGION_OUTSIDE_POINT']);
    const ok = await create({
      username: 'sentinel-d',
      regionId: world.regions.x2,
      organizationId: sentinels.points.homeX,
    }).expect(201);
    expect(ok.body.role).toBe('sentinel');
  });

  it('every case, stats and admin route refuses a sentinel reporter', async () => {
    const s = bearer(tok.sentinelx1);
    const refused = [
      t.http().get('/api/v1/cases').set(s),
      t.http().post('/api/v1/cases').set(s).send({}),
      t.http().get('/api/v1/users').set(s),
      t.http().get('/api/v1/audit').set(s),
      t.http().post('/api/v1/organizations').set(s).send({}),
      t.http().get('/api/v1/stats/summary').set(s),
      t.http().get('/api/v1/mediators').set(s),
    ];
    for (const req of refused) {
      const res = await req;
      expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    }
    const me = await t.http().get('/api/v1/auth/me').set(s).expect(200);
    expect(me.body.role).toBe('sentinel');
  });
});
