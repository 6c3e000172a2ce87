import { DataSource } from 'typeorm';
import { parseTemplate } from 'url-template';
import { loadSessionUser } from '../../src/modules/auth/session-lookup.js';
import { DIMENSIONS } from '../../src/modules/stats/stats-source.js';
import { StatsService } from '../../src/modules/stats/stats.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { statsFixture } from '../support/stats-fixture.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * Statistics from hand-computed fixtures: cases written straight into the table with the instants
 * that matter (month and day boundaries in Asia/Shanghai), the rollup kept by the database's
 * triggers, and every figure checked against what a person computes from the list below.
 */
describe('statistics (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'supervisorcity', 'mediatorx1']) {
      tok[u] = (await login(t, u)).access;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));

  const { insertCase, seedFixture } = statsFixture(() => ({ t, world }));

  const rate = (numerator: number, denominator: number) => ({
    value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
    numerator,
    denominator,
  });

  it('April for the court: received cohort, Shanghai month boundaries, every rate with its parts', async () => {
    await seedFixture();
    const s = (await get('clerka', '/stats/summary?from=2026-04-01&to=2026-04-30').expect(200))
      .body;
    expect(s).toMatchObject({
      period: { from: '2026-04-01', to: '2026-04-30', basis: 'received' },
      received: 4,
      accepted: 3,
      closed: 2,
      open: 1,
      results: { reconciled: 1, ancillary_agreed: 1, withdrawn: 1, no_agreement: 0, expired: 0 },
      rates: {
        closureRate: rate(3, 4),
        successRate: rate(2, 2),
        successRateOfAllClosed: rate(2, 3),
        withdrawalRate: rate(1, 3),
        onTimeRate: rate(2, 2),
        judicialConfirmationRate: rate(1, 1),
        performanceRate: rate(1, 1),
      },
      averageDurationDays: { value: 14, numerator: 28, denominator: 2 },
      medianDurationDays: { value: 14, cases: 2 }, // 10 and 18 days
    });
    expect(s.rates.closureRate.definition).toBe('当期受理的案件中，截至目前已结案的比例（办结率）');
  });

  it('May on the closed basis: a late closure, and a rate over nothing is null', async () => {
    await seedFixture();
    const s = (
      await get('clerka', '/stats/summary?from=2026-05-01&to=2026-05-31&basis=closed').expect(200)
    ).body;
    expect(s).toMatchObject({
      received: 0,
      closed: 2,
      rates: {
        closureRate: { value: null, numerator: 0, denominator: 0 },
        successRate: rate(1, 2),
        onTimeRate: rate(1, 2),
        withdrawalRate: rate(0, 2),
      },
      averageDurationDays: { value: 22, numerator: 44, denominator: 2 },
      medianDurationDays: { value: 22, cases: 2 }, // 10 and 34 days
      results: { no_agreement: 1, ancillary_agreed: 1 },
    });
  });

  it('a period that cuts months reads the days; the default is this year so far', async () => {
    await seedFixture();
    const days = (await get('clerka', '/stats/summary?from=2026-04-10&to=2026-04-20').expect(200))
      .body;
    expect(days).toMatchObject({ received: 3, closed: 2 }); // c3, c4, c5; c3 and c1 closed
    // Of the days' cohort only c5 entered mediation and closed (10 days): read from the facts.
    expect(days.medianDurationDays).toMatchObject({ value: 10, cases: 1 });
    const year = (await get('clerka', '/stats/summary').expect(200)).body;
    expect(year).toMatchObject({ received: 5, closed: 4 });
    // c1 18, c2 34, c5 10 days: the median is the middle one, not the mean (20.67).
    expect(year.medianDurationDays).toMatchObject({ value: 18, cases: 3 });
    expect(year.averageDurationDays).toMatchObject({ value: 20.67, numerator: 62 });
  });

  it('median duration: exact up to 60 days, null when a middle duration lies beyond', async () => {
    const closedAfter = (days: number) =>
      insertCase({
        region: 'x1',
        received: '2026-01-04T02:00:00Z',
        accepted: '2026-01-05T02:00:00Z',
        deadline: '2026-02-04T15:59:59Z',
        closed: new Date(Date.parse('2026-01-05T02:00:00Z') + days * 86_400_000).toISOString(),
        result: 'no_agreement',
      });
    for (const days of [5, 60, 70]) await closedAfter(days);
    const q = '/stats/summary?from=2026-01-01&to=2026-01-31';
    const three = (await get('clerka', q).expect(200)).body;
    expect(three.medianDurationDays).toMatchObject({ value: 60, cases: 3 });
    expect(three.averageDurationDays).toMatchObject({ value: 45, numerator: 135 });
    await closedAfter(80);
    const four = (await get('clerka', q).expect(200)).body;
    // The middle two are 60 and 70 days; 70 is only known as "more than 60".
    expect(four.medianDurationDays).toMatchObject({ value: null, cases: 4 });
    expect(four.medianDurationDays.definition).toContain('中位数');
  });

  it('scope: a township supervisor, a mediator and another court see only their own figures', async () => {
    await seedFixture();
    const q = '/stats/summary?from=2026-01-01&to=2026-12-31';
    expect((await get('supervisorx', q).expect(200)).body).toMatchObject({ received: 3 });
    expect((await get('supervisorcity', q).expect(200)).body).toMatchObject({ received: 6 });
    expect((await get('clerkb', q).expect(200)).body).toMatchObject({ received: 1, closed: 1 });
    expect((await get('mediatorx1', q).expect(200)).body).toMatchObject({ received: 2 });
    await get('supervisorx', `${q}&regionId=${world.regions.townY}`).expect(404);
    await get('clerka', `${q}&courtId=${world.courts.b}`).expect(404);
    const village = (await get('supervisorx', `${q}&regionId=${world.regions.x2}`).expect(200))
      .body;
    expect(village).toMatchObject({ received: 1, results: { withdrawn: 1 } });
  });

  it('every count links to the case list that shows exactly those cases', async () => {
    await seedFixture();
    for (const [user, query] of [
      ['clerka', '?from=2026-04-01&to=2026-04-30'],
      ['clerka', '?from=2026-05-01&to=2026-05-31&basis=closed'],
      ['supervisorcity', '?from=2026-04-10&to=2026-04-20&dvFlag=true'],
      ['supervisorx', `?regionId=${world.regions.x1}`],
    ]) {
      const s = (await get(user, `/stats/summary${query}`).expect(200)).body;
      const expected: Record<string, number> = {
        received: s.received,
        closed: s.closed,
        open: s.open,
        ...s.results,
      };
      for (const [name, link] of Object.entries(s.drillDown as Record<string, string>)) {
        if (!(name in expected)) continue;
        const list = (await get(user, link.replace('/api/v1', '')).expect(200)).body;
        expect({ user, query, name, total: list.total }).toEqual({
          user,
          query,
          name,
          total: expected[name],
        });
      }
    }
  });

  it('breaks the figures down by township, month and mediator, sorted, with totals', async () => {
    await seedFixture();
    const by = async (dimension: string, query = '&from=2026-04-01&to=2026-04-30') =>
      (await get('clerka', `/stats/breakdown?by=${dimension}${query}`).expect(200)).body;
    const townships = await by('township');
    expect(
      townships.rows.map((r: { label: string; received: number }) => [r.label, r.received]),
    ).toEqual([
      ['胶西镇', 2],
      ['胶北街道', 2],
    ]);
    expect(townships.rows[1].rates.closureRate).toMatchObject(rate(1, 2));
    const summary = (await get('clerka', '/stats/summary?from=2026-04-01&to=2026-04-30')).body;
    // The same figures as the summary; the definitions are stated once beside the rows.
    const bare = (v: object) =>
      JSON.parse(JSON.stringify(v, (k, x) => (k === 'definition' ? undefined : x)));
    const { drillDown: totalsValues, ...totals } = townships.totals;
    expect(totalsValues).toEqual({
      from: '2026-03-31T16:00:00.000Z',
      to: '2026-04-30T16:00:00.000Z',
    });
    expect(totals).toEqual(
      bare({
        received: summary.received,
        accepted: summary.accepted,
        closed: summary.closed,
        open: summary.open,
        results: summary.results,
        rates: summary.rates,
        averageDurationDays: summary.averageDurationDays,
        medianDurationDays: summary.medianDurationDays,
      }),
    );
    expect(townships.definitions.closureRate).toBe(summary.rates.closureRate.definition);
    expect(JSON.stringify(townships.rows)).not.toContain('definition');
    const months = await by('month', '&from=2026-03-15&to=2026-05-31');
    expect(
      months.rows.map((r: { label: string; received: number; closed: number }) => [
        r.label,
        r.received,
        r.closed,
      ]),
    ).toEqual([
      ['2026-03', 1, 0],
      ['2026-04', 4, 2],
      ['2026-05', 0, 2],
    ]);
    const mediators = await by('mediator', '');
    expect(
      mediators.rows.map((r: { label: string; received: number }) => [r.label, r.received]),
    ).toEqual([
      ['未分配', 3],
      ['mediatorx1', 2],
    ]);
  });

  it('sends the breakdown exactly as the service builds it: its serialiser drops or bends nothing', async () => {
    await seedFixture();
    const stats = t.app.get(StatsService);
    const dataSource = t.app.get(DataSource);
    for (const username of ['clerka', 'supervisorcity', 'mediatorx1']) {
      const claims = JSON.parse(
        Buffer.from(tok[username].split('.')[1], 'base64url').toString(),
      ) as { sub: string; sid: string };
      const user = await loadSessionUser(dataSource, claims.sub, claims.sid);
      if (!user) throw new Error(`no session for ${username}`);
      for (const by of DIMENSIONS) {
        for (const basis of ['received', 'closed'] as const) {
          const query = { by, basis, from: '2026-03-15', to: '2026-05-31' };
          const sent = (
            await get(
              username,
              `/stats/breakdown?by=${by}&basis=${basis}&from=${query.from}&to=${query.to}`,
            ).expect(200)
          ).body;
          const built = await stats.breakdown(user, query);
          expect(sent).toEqual(JSON.parse(JSON.stringify(built)));
        }
      }
    }
  });

  it('every breakdown row links to the case list that shows exactly its cases', async () => {
    await seedFixture();
    for (const [user, dimension, query] of [
      ['clerka', 'township', '&from=2026-04-01&to=2026-04-30'],
      ['supervisorcity', 'village', ''],
      ['clerka', 'mediator', '&basis=closed'],
      ['supervisorcity', 'court', '&from=2026-04-10&to=2026-05-20'],
      ['supervisorx', 'disputeType', ''],
      ['clerka', 'month', '&from=2026-03-15&to=2026-05-31&basis=closed'],
      ['supervisorcity', 'dvFlag', '&from=2026-04-01&to=2026-05-31'],
      // Several whole months of the totals and the county cube, summed by PostgreSQL.
      ['supervisorcity', 'township', '&from=2026-03-01&to=2026-05-31'],
      ['clerka', 'court', '&from=2026-03-01&to=2026-05-31&basis=closed'],
    ]) {
      const b = (await get(user, `/stats/breakdown?by=${dimension}${query}`).expect(200)).body;
      expect(b.rows.length).toBeGreaterThan(0);
      // Each count's RFC 6570 template, expanded with a row's values, as a client would.
      const templates = Object.entries(b.drillDown as Record<string, string>);
      expect(templates.map(([name]) => name).sort()).toEqual(
        ['received', 'closed', 'open', ...Object.keys(b.totals.results)].sort(),
      );
      for (const row of [...b.rows, { ...b.totals, label: '合计' }]) {
        const expected: Record<string, number> = {
          received: row.received,
          closed: row.closed,
          open: row.open,
          ...row.results,
        };
        for (const [name, template] of templates) {
          const link = parseTemplate(template).expand(row.drillDown);
          const list = (await get(user, link.replace('/api/v1', '')).expect(200)).body;
          expect({ dimension, row: row.label, name, total: list.total }).toEqual({
            dimension,
            row: row.label,
            name,
            total: expected[name],
          });
        }
      }
    }
  });

  it('reads the smallest cube that answers: county, township totals, then by type and DV flag, then by village', async () => {
    await seedFixture();
    const q = '/stats/summary?from=2026-04-01&to=2026-04-30';
    const received = async (user: string, extra = '') =>
      (await get(user, `${q}${extra}`).expect(200)).body.received as number;
    const before = {
      city: await received('supervisorcity'),
      township: await received('supervisorx'),
      divorce: await received('supervisorcity', '&disputeType=divorce'),
      village: await received('supervisorx', `&regionId=${world.regions.x1}`),
    };
    // Mark each cube so the answer shows which one was read.
    const mark = (cube: string, n: number, where = '') =>
      t.ds.query(
        `UPDATE ${cube} SET cases = cases + ${n} WHERE month = '2026-04-01' AND basis = 'received' ${where}`,
        where.includes('$1') ? [world.regions.x1] : [],
      );
    await mark('case_stats_county', 10_000);
    await mark('case_stats_totals', 1000);
    await mark('case_stats_township', 100, `AND dispute_type = 'divorce'`);
    await mark('case_stats_monthly', 10, 'AND region_id = $1');
    // The city over all kinds: the county cube (one row per county and court).
    const city = (await received('supervisorcity')) - before.city;
    expect(city).toBeGreaterThanOrEqual(10_000);
    expect(city % 10_000).toBe(0);
    // A township over all kinds: the totals cube.
    expect(await received('supervisorx')).toBe(before.township + 1000);
    // One dispute type: the township cube.
    const divorce = await received('supervisorcity', '&disputeType=divorce');
    expect(divorce).toBeGreaterThanOrEqual(before.divorce + 100);
    expect(divorce).toBeLessThan(before.divorce + 1000);
    // A village: the village cube.
    expect(await received('supervisorx', `&regionId=${world.regions.x1}`)).toBe(
      before.village + 10,
    );
    // This year so far, over all kinds: one row per county from the yearly cube.
    const yearOf = async () =>
      (await get('supervisorcity', '/stats/summary').expect(200)).body.received as number;
    const beforeYear = await yearOf();
    await t.ds.query(
      `UPDATE case_stats_county_yearly SET cases = cases + 100000 WHERE basis = 'received'`,
    );
    const year = (await yearOf()) - beforeYear;
    expect(year).toBeGreaterThanOrEqual(100_000);
    expect(year % 100_000).toBe(0);
  });

  it('refuses bad periods naming the field', async () => {
    const bad = async (query: string, field: string) =>
      expect(
        (await get('clerka', `/stats/summary?${query}`).expect(400)).body.errors[0].field,
      ).toBe(field);
    await bad('from=2026-02-30', 'from');
    await bad('from=2026-13-01', 'from');
    // A year with no next day in the calendar the figures use (found by the fuzz: it was a 500).
    await bad('from=9999-12-01&to=9999-12-31', 'from');
    await bad('to=9999-12-31', 'to');
    await bad('from=2026-05-01&to=2026-04-01', 'to');
    await bad('basis=opened', 'basis');
    await bad('dvFlag=maybe', 'dvFlag');
    await bad('disputeType=feud', 'disputeType');
  });
});
