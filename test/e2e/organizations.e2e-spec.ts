import { createTestApp, TestApp } from '../support/app.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/** An admin corrects an organisation's name and its list of rooms; the change is audited. */
describe('organizations (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'admin1']) tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const patch = (user: string, id: string, body: object) =>
    t.http().patch(`/api/v1/organizations/${id}`).set(bearer(tok[user])).send(body);

  it('PATCH /organizations/:id replaces the rooms and renames; only an admin; audited', async () => {
    await patch('clerka', world.orgs.x, { rooms: ['某调解室'] }).expect(403);
    await patch('admin1', world.orgs.x, { rooms: [''] }).expect(400);
    await patch('admin1', world.orgs.x, { status: 'x' }).expect(400);
    await patch('admin1', '00000000-0000-4000-8000-000000000000', { rooms: [] }).expect(404);

    const changed = await patch('admin1', world.orgs.x, {
      name: '胶西镇婚姻家庭纠纷人民调解委员会',
      rooms: ['百合调解室', '妇女之家', '百合调解室'],
    }).expect(200);
    expect(changed.body).toMatchObject({
      id: world.orgs.x,
      name: '胶西镇婚姻家庭纠纷人民调解委员会',
      rooms: ['百合调解室', '妇女之家'],
    });
    const read = await t
      .http()
      .get(`/api/v1/organizations/${world.orgs.x}`)
      .set(bearer(tok.admin1));
    expect(read.body.rooms).toEqual(['百合调解室', '妇女之家']);

    const audit = await t
      .http()
      .get('/api/v1/audit?action=organization.updated')
      .set(bearer(tok.admin1))
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].after.rooms).toEqual(['百合调解室', '妇女之家']);
  });
});
