import { createTestApp, TestApp } from '../support/app.js';
import { createCase } from '../support/cases.js';
import { PASSWORD } from '../support/fixtures.js';
import {
  expectRefusedAlike,
  problemOf,
  RANDOM_ID,
  type ForeignIdCase,
} from '../support/foreign-ids.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * The administration's writes (users, regions, organisations, courts) name a court, a region or
 * an organisation as plain input. An admin sees every county, so nothing there is out of her
 * scope: what must hold is that an id of something else (an existing object of another kind) is
 * refused like an id that names nothing, 400 on the field, before anything is written. The
 * reads that filter by an id (audit trail, regions) list for another county's id what they list
 * for an unknown one.
 */
describe('foreign ids: administration and the audit trail (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['admin1', 'clerka', 'clerkb', 'supervisorx'])
      tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (method: 'post' | 'patch', path: string, body: object) =>
    t.http()[method](`/api/v1${path}`).set(bearer(tok.admin1)).send(body);
  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const newUser = (over: Record<string, unknown>) =>
    send('post', '/users', {
      username: 'newuser',
      password: PASSWORD,
      displayName: '新用户',
      ...over,
    });

  const invalid = (field: string, table: string) => ({
    table,
    status: 400,
    code: 'VALIDATION.FAILED',
    field,
  });
  const rows: ForeignIdCase[] = [
    {
      name: 'POST /users: a clerk’s court',
      foreign: () => world.regions.countyB,
      send: (courtId) => newUser({ role: 'clerk', courtId }),
      ...invalid('courtId', 'users'),
    },
    {
      name: 'POST /users: a mediator’s village',
      foreign: () => world.courts.b,
      send: (regionId) => newUser({ role: 'mediator', regionId, organizationId: world.orgs.z }),
      ...invalid('regionId', 'users'),
    },
    {
      name: 'POST /users: a mediator’s organisation',
      foreign: () => world.regions.townZ,
      send: (organizationId) =>
        newUser({ role: 'mediator', regionId: world.regions.z1, organizationId }),
      ...invalid('organizationId', 'users'),
    },
    {
      name: 'PATCH /users/:id: a clerk’s court',
      foreign: () => world.orgs.z,
      send: (courtId) => send('patch', `/users/${world.users.clerkB}`, { courtId }),
      ...invalid('courtId', 'users'),
    },
    {
      name: 'PATCH /users/:id: a supervisor’s region',
      foreign: () => world.courts.b,
      send: (regionId) => send('patch', `/users/${world.users.supervisorX}`, { regionId }),
      ...invalid('regionId', 'users'),
    },
    {
      name: 'POST /regions: the parent',
      foreign: () => world.courts.b,
      send: (parentId) =>
        send('post', '/regions', {
          code: '370282101202',
          name: '西关村',
          level: 'village',
          parentId,
        }),
      ...invalid('parentId', 'regions'),
    },
    {
      name: 'POST /organizations: the region',
      foreign: () => world.orgs.z,
      send: (regionId) => send('post', '/organizations', { name: '东关村调解委员会', regionId }),
      ...invalid('regionId', 'organizations'),
    },
    {
      name: 'POST /courts: the jurisdiction',
      foreign: () => world.courts.b,
      send: (regionId) =>
        send('post', '/courts', { code: 'J39', name: '平度市人民法院', regionId }),
      ...invalid('regionId', 'courts'),
    },
  ];

  it.each(rows)('$name: $status $code, nothing written', async (row) => {
    await expectRefusedAlike(t, row);
  });

  it('the same writes with the right kind of id go through (the table above can fail)', async () => {
    await newUser({ role: 'clerk', courtId: world.courts.b }).expect(201);
    await send('post', '/courts', {
      code: 'J39',
      name: '平度市人民法院',
      // County B's court already holds the designator its region code gives.
      designator: '鲁0283',
      regionId: world.regions.countyB,
    }).expect(201);
  });

  it('the audit trail filtered by another county’s case or user lists what an unknown id lists', async () => {
    const caseB = await createCase(t, tok.clerkb, world.regions.z1);
    for (const [name, id] of [
      ['caseId', caseB.id],
      ['actorId', world.users.clerkB],
    ]) {
      const foreign = await get('supervisorx', `/audit?${name}=${id}`).expect(200);
      const unknown = await get('supervisorx', `/audit?${name}=${RANDOM_ID}`).expect(200);
      expect({ name, total: foreign.body.total }).toEqual({ name, total: 0 });
      expect(problemOf(foreign)).toEqual(problemOf(unknown));
    }
  });

  it('the region list under another county’s region lists what it lists under an unknown one', async () => {
    for (const user of ['clerka', 'supervisorx']) {
      for (const name of ['parentId', 'rootId']) {
        const foreign = await get(user, `/regions?${name}=${world.regions.countyB}`).expect(200);
        const unknown = await get(user, `/regions?${name}=${RANDOM_ID}`).expect(200);
        expect({ user, name, total: foreign.body.total }).toEqual({ user, name, total: 0 });
        expect(problemOf(foreign)).toEqual(problemOf(unknown));
      }
    }
  });
});
