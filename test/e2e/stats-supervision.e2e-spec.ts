import { verifyStats } from '../../src/modules/stats/stats-verifier.js';
import { createTestApp, TestApp } from '../support/app.js';
import { randomChanges } from '../support/stats-changes.js';
import { statsFixture } from '../support/stats-fixture.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/** The supervisor's queues, her roster's workload, and the rollup against a recount. */
describe('statistics: queues, workload, rollup (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'supervisorcity', 'mediatorx1']) {
      tok[u] = (await login(t, u)).access;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const { insertCase } = statsFixture(() => ({ t, world }));
  const DAY = 86_400_000;
  const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString();

  async function seedQueues(): Promise<Record<string, string>> {
    const open = { accepted: ago(20), mediator: true } as const;
    const ids = {
      overdue: await insertCase({ region: 'x1', received: ago(40), deadline: ago(1), ...open }),
      soon: await insertCase({ region: 'x1', received: ago(30), deadline: ago(-2), ...open }),
      later: await insertCase({ region: 'x2', received: ago(20), deadline: ago(-10), ...open }),
      otherTown: await insertCase({ region: 'y1', received: ago(40), deadline: ago(2), ...open }),
      unaccepted: await insertCase({ region: 'x1', received: ago(5), status: 'assigned' }),
      reviewing: await insertCase({
        region: 'x2',
        received: ago(25),
        status: 'pending_review',
        ...open,
        deadline: ago(-20),
      }),
      settled: await insertCase({
        region: 'x1',
        received: ago(60),
        accepted: ago(58),
        deadline: ago(28),
        closed: ago(40),
        result: 'reconciled',
        mediator: true,
      }),
    };
    await t.ds.query(
      `INSERT INTO case_assignments (case_id, mediator_id, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4)`,
      [ids.unaccepted, world.users.mediatorX1, world.users.supervisorX, ago(3)],
    );
    await t.ds.query(
      `INSERT INTO case_outcomes (case_id, result, route, submitted_by, submitted_at)
       VALUES ($1, 'reconciled', 'none', $2, $3)`,
      [ids.reviewing, world.users.mediatorX1, ago(4)],
    );
    await t.ds.query(
      `INSERT INTO case_follow_ups (case_id, kind, due_on, visited_at, visited_by, performance)
       VALUES ($1, 'settlement_30', $2, NULL, NULL, NULL),
              ($1, 'ad_hoc', $3, $4, $5, 'performed')`,
      [ids.settled, ago(10).slice(0, 10), ago(20).slice(0, 10), ago(19), world.users.mediatorX1],
    );
    return ids;
  }

  it('queues open cases by days left and lists what waits too long, in her subtree only', async () => {
    const ids = await seedQueues();
    const q = (await get('supervisorx', '/stats/overdue').expect(200)).body;
    expect(q.byDaysLeft).toEqual([
      { bucket: 'overdue', cases: 1 },
      { bucket: '0-3', cases: 1 },
      { bucket: '4-7', cases: 0 },
      { bucket: '8-15', cases: 1 },
      { bucket: '16+', cases: 1 },
      { bucket: 'none', cases: 1 },
    ]);
    expect(q.atRisk.total).toBe(2);
    expect(q.atRisk.cases.map((c: { id: string; days: number }) => [c.id, c.days])).toEqual([
      [ids.overdue, expect.any(Number)],
      [ids.soon, expect.any(Number)],
    ]);
    expect(q.atRisk.cases[0].days).toBeLessThan(0);
    expect(q.waitingForAcceptance.cases.map((c: { id: string }) => c.id)).toEqual([ids.unaccepted]);
    expect(q.waitingForAcceptance.cases[0].days).toBeGreaterThanOrEqual(2);
    expect(q.waitingForReview.cases.map((c: { id: string }) => c.id)).toEqual([ids.reviewing]);
    expect(q.followUpsLate.cases.map((c: { id: string }) => c.id)).toEqual([ids.settled]);
    // The other township's overdue case is the city supervisor's, never hers.
    const city = (await get('supervisorcity', '/stats/overdue').expect(200)).body;
    expect(city.atRisk.total).toBe(3);
    expect(JSON.stringify(q)).not.toContain(ids.otherTown);
  });

  it("counts the summary's overdue and at-risk cases exactly, from the deadline rollup and from the cases", async () => {
    await seedQueues();
    const open = { accepted: ago(20), mediator: true } as const;
    const minute = 60_000;
    const at = (ms: number): string => new Date(Date.now() + ms).toISOString();
    // Deadlines at any instant, not only at the end of a day: a minute either side of now.
    await insertCase({ region: 'x2', received: ago(30), ...open, deadline: at(-minute) });
    await insertCase({ region: 'y1', received: ago(30), ...open, deadline: at(5 * minute) });
    // A review waiting since a deadline in an earlier month (the rollup's month grain).
    await insertCase({
      region: 'x1',
      received: ago(80),
      status: 'pending_review',
      ...open,
      deadline: ago(45),
    });
    // Court B's county: the city supervisor's, not clerk A's.
    await insertCase({ region: 'z1', court: 'b', received: ago(40), ...open, deadline: ago(10) });
    // Closed past its deadline, or with a deadline beyond the 3 days: neither.
    await insertCase({
      region: 'y1',
      received: ago(50),
      accepted: ago(49),
      deadline: ago(19),
      closed: ago(2),
      result: 'expired',
    });
    await insertCase({ region: 'x1', received: ago(10), ...open, deadline: ago(-6) });

    const summary = async (user: string, query = '') =>
      (await get(user, `/stats/summary${query}`).expect(200)).body as {
        overdue: number;
        atRisk: number;
        drillDown: { overdue: string };
      };
    const cases = [
      // The city and clerk A's court are read from the rollup, township X and village X1 from the
      // open cases' deadline index, and so is a kind of dispute.
      ['supervisorcity', '', { overdue: 5, atRisk: 2 }],
      ['supervisorcity', `?regionId=${world.regions.countyA}`, { overdue: 4, atRisk: 2 }],
      ['supervisorcity', `?regionId=${world.regions.townX}`, { overdue: 3, atRisk: 1 }],
      ['supervisorcity', '?disputeType=divorce', { overdue: 5, atRisk: 2 }],
      ['clerka', '', { overdue: 4, atRisk: 2 }],
      ['supervisorx', '', { overdue: 3, atRisk: 1 }],
      ['supervisorx', `?regionId=${world.regions.x1}`, { overdue: 2, atRisk: 1 }],
    ] as const;
    for (const [user, query, expected] of cases) {
      const s = await summary(user, query);
      expect({ user, query, overdue: s.overdue, atRisk: s.atRisk }).toEqual({
        user,
        query,
        ...expected,
      });
      // And the drill-down list of the overdue cases agrees.
      const list = (await get(user, s.drillDown.overdue.replace('/api/v1', '')).expect(200)).body;
      expect({ user, query, listed: list.total }).toEqual({
        user,
        query,
        listed: expected.overdue,
      });
    }
    expect(await verifyStats(t.ds)).toMatchObject({ ok: true, deadlines: 0 });
  });

  it("shows her roster's workload and performance; a mediator sees her own row only", async () => {
    await seedQueues();
    const rows = (await get('supervisorx', '/stats/mediators').expect(200)).body;
    expect(rows).toEqual([
      expect.objectContaining({
        mediatorId: world.users.mediatorX1,
        activeCases: 5,
        maxActiveCases: 5,
        followUpsDone: 1,
      }),
    ]);
    const own = (await get('mediatorx1', '/stats/mediators').expect(200)).body;
    expect(own).toHaveLength(1);
    expect(own[0].mediatorId).toBe(world.users.mediatorX1);
    await get('clerka', '/stats/mediators').expect(403);
  });

  it('the rollup equals a full recount after 1,000 random changes to cases, tracking and follow-ups', async () => {
    const regions: (keyof World['regions'])[] = ['x1', 'x2', 'y1', 'z1'];
    const { rand, day, apply } = randomChanges(t, world);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const region = regions[rand(regions.length)];
      ids.push(
        await insertCase({ region, court: region === 'z1' ? 'b' : 'a', received: day(rand(1000)) }),
      );
    }
    for (let step = 0; step < 1000; step++) {
      await apply(ids);
      if (step % 250 === 249) expect(await verifyStats(t.ds)).toMatchObject({ ok: true });
    }
    await t.ds.query(`DELETE FROM cases WHERE id = $1`, [ids[0]]);
    expect(await verifyStats(t.ds)).toEqual({
      ok: true,
      cases: 29,
      facts: 0,
      deadlines: 0,
      versions: 0,
      monthly: 0,
      township: 0,
      totals: 0,
      county: 0,
      totalsYearly: 0,
      countyYearly: 0,
    });
    // And the check can fail: a cube tampered with is reported.
    await t.ds.query(
      `UPDATE case_stats_township SET cases = cases + 1 WHERE ctid = (SELECT ctid FROM case_stats_township LIMIT 1)`,
    );
    const tampered = await verifyStats(t.ds);
    expect(tampered).toMatchObject({ ok: false, facts: 0, monthly: 0 });
    expect(tampered.township).toBeGreaterThan(0);
    await t.ds.query(
      `UPDATE case_stats_totals SET closed = closed + 1 WHERE ctid = (SELECT ctid FROM case_stats_totals LIMIT 1)`,
    );
    expect((await verifyStats(t.ds)).totals).toBeGreaterThan(0);
    // A histogram bucket of the county cube too.
    await t.ds.query(
      `UPDATE case_stats_county SET dur_07 = dur_07 + 1 WHERE ctid = (SELECT ctid FROM case_stats_county LIMIT 1)`,
    );
    expect((await verifyStats(t.ds)).county).toBeGreaterThan(0);
    await t.ds.query(
      `UPDATE case_stats_totals_yearly SET on_time = on_time + 1 WHERE ctid = (SELECT ctid FROM case_stats_totals_yearly LIMIT 1)`,
    );
    expect((await verifyStats(t.ds)).totalsYearly).toBeGreaterThan(0);
    await t.ds.query(
      `UPDATE case_stats_deadlines SET open = open + 1 WHERE ctid = (SELECT ctid FROM case_stats_deadlines LIMIT 1)`,
    );
    expect((await verifyStats(t.ds)).deadlines).toBeGreaterThan(0);
    // A cell whose version is gone.
    await t.ds.query(
      `DELETE FROM case_stats_versions WHERE ctid = (SELECT ctid FROM case_stats_versions LIMIT 1)`,
    );
    expect((await verifyStats(t.ds)).versions).toBe(1);
  });
});
