import { createTestApp, TestApp } from '../support/app.js';
import {
  expectRefusedAlike,
  problemOf,
  RANDOM_ID,
  type ForeignIdCase,
} from '../support/foreign-ids.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * Statistics, exports and the monthly report take a region (and a court) in their query: another
 * county's is a 404 exactly like an unknown one, for every role, and the question writes nothing.
 */
describe('foreign ids: statistics and reports (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1']) tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));

  const routes: [string, string[]][] = [
    ['/stats/summary?', ['clerka', 'supervisorx', 'mediatorx1']],
    ['/stats/breakdown?by=township&', ['clerka', 'supervisorx', 'mediatorx1']],
    ['/stats/export?by=township&format=csv&', ['clerka', 'supervisorx']],
    ['/stats/mediators?', ['supervisorx', 'mediatorx1']],
    ['/reports/monthly?month=2026-11&', ['clerka', 'supervisorx']],
  ];
  const rows: ForeignIdCase[] = [
    ...routes.flatMap(([path, users]) =>
      users.map((user): ForeignIdCase => ({
        name: `GET ${path}regionId by ${user}`,
        foreign: () => world.regions.countyB,
        send: (id) => get(user, `${path}regionId=${id}`),
        table: 'cases',
        status: 404,
        code: 'REGION.NOT_FOUND',
      })),
    ),
    {
      name: 'GET /stats/summary?courtId by the other court’s clerk',
      foreign: () => world.courts.b,
      send: (id) => get('clerka', `/stats/summary?courtId=${id}`),
      table: 'cases',
      status: 404,
      code: 'COURT.NOT_FOUND',
    },
  ];

  it.each(rows)('$name: $status $code, nothing written', async (row) => {
    await expectRefusedAlike(t, row);
  });

  it('a supervisor’s court filter only narrows her region: another county’s court answers like an unknown one', async () => {
    const foreign = await get('supervisorx', `/stats/summary?courtId=${world.courts.b}`).expect(
      200,
    );
    const unknown = await get('supervisorx', `/stats/summary?courtId=${RANDOM_ID}`).expect(200);
    expect(foreign.body.received).toBe(0);
    // The drill-down links echo the filter; apart from it, the answers are the same.
    expect(JSON.stringify(problemOf(foreign)).replaceAll(world.courts.b, RANDOM_ID)).toBe(
      JSON.stringify(problemOf(unknown)),
    );
  });

  it('her own region is answered (the table above can fail)', async () => {
    await get('supervisorx', `/stats/summary?regionId=${world.regions.x1}`).expect(200);
  });
});
