import { createTestApp, TestApp } from '../support/app.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

describe('scopes (e2e): out of scope is 404, lists show only the caller’s regions', () => {
  let t: TestApp;
  let world: World;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['admin1', 'clerka', 'supervisorx', 'mediatorx1'])
      tokens[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) =>
    t.http().get(`/api/v1${path}`).set(bearer(tokens[user]));
  const codes = async (user: string): Promise<string[]> =>
    (await get(user, '/regions?pageSize=100').expect(200)).body.items.map(
      (r: { code: string }) => r.code,
    );
  const deniedCount = async (userId: string): Promise<number> =>
    Number(
      (
        await t.ds.query(
          `SELECT count(*) AS n FROM audit_events WHERE action = 'access.denied' AND actor_id = $1`,
          [userId],
        )
      )[0].n,
    );

  it('clerk of court A: her county only; court B and county B regions are 404 and audited', async () => {
    expect((await codes('clerka')).sort()).toEqual(
      [
        '370281000000',
        '370281105000',
        '370281105201',
        '370281105202',
        '370281106000',
        '370281106201',
      ].sort(),
    );
    await get('clerka', `/courts/${world.courts.a}`).expect(200);
    const res = await get('clerka', `/courts/${world.courts.b}`).expect(404);
    expect(res.body.code).toBe('COURT.NOT_FOUND');
    await get('clerka', `/regions/${world.regions.z1}`).expect(404);
    await get('clerka', `/organizations/${world.orgs.z}`).expect(404);
    const courts = (await get('clerka', '/courts').expect(200)).body.items.map(
      (c: { code: string }) => c.code,
    );
    expect(courts).toEqual(['J37']);
    expect(await deniedCount(world.users.clerkA)).toBe(3);
  });

  it('supervisor of township X: X and its villages; Y and the county are out of her lists', async () => {
    expect((await codes('supervisorx')).sort()).toEqual([
      '370281105000',
      '370281105201',
      '370281105202',
    ]);
    await get('supervisorx', `/regions/${world.regions.x2}`).expect(200);
    await get('supervisorx', `/regions/${world.regions.townY}`).expect(404);
    await get('supervisorx', `/regions/${world.regions.y1}`).expect(404);
    // The court whose jurisdiction covers her township is hers to see; the other county's is not.
    await get('supervisorx', `/courts/${world.courts.a}`).expect(200);
    await get('supervisorx', `/courts/${world.courts.b}`).expect(404);
    await get('supervisorx', `/organizations/${world.orgs.x}`).expect(200);
    await get('supervisorx', `/organizations/${world.orgs.z}`).expect(404);
  });

  it('mediator: her village only', async () => {
    expect(await codes('mediatorx1')).toEqual(['370281105201']);
    await get('mediatorx1', `/regions/${world.regions.x2}`).expect(404);
    await get('mediatorx1', `/regions/${world.regions.z1}`).expect(404);
  });

  it('a missing id and an out-of-scope id answer the same', async () => {
    const missing = await get(
      'supervisorx',
      '/regions/00000000-0000-4000-8000-000000000000',
    ).expect(404);
    const hidden = await get('supervisorx', `/regions/${world.regions.z1}`).expect(404);
    expect({ ...missing.body, requestId: '' }).toEqual({ ...hidden.body, requestId: '' });
  });

  it('audit trail: a supervisor sees events located in her region only; others may not read it', async () => {
    const events = (await get('supervisorx', '/audit?pageSize=100').expect(200)).body.items as {
      entityId: string;
    }[];
    const ids = events.map((e) => e.entityId);
    expect(ids).toEqual(
      expect.arrayContaining([world.regions.townX, world.regions.x1, world.orgs.x]),
    );
    expect(ids).not.toContain(world.regions.z1);
    expect(ids).not.toContain(world.regions.townY);
    await get('clerka', '/audit').expect(403);
    await get('mediatorx1', '/audit').expect(403);
    const all = (await get('admin1', '/audit?pageSize=100').expect(200)).body.total;
    expect(all).toBeGreaterThan(events.length);
  });
});
