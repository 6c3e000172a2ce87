import { verifyStats } from '../../src/modules/stats/stats-verifier.js';
import { createTestApp, TestApp } from '../support/app.js';
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
  let seq = 0;

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

  interface Fixture {
    region: keyof World['regions'];
    court?: 'a' | 'b';
    received: string;
    accepted?: string;
    deadline?: string;
    closed?: string;
    result?: string;
    status?: string;
    dispute?: string;
    dv?: boolean;
    mediator?: boolean;
  }
  async function insertCase(f: Fixture): Promise<string> {
    seq += 1;
    const [region] = await t.ds.query(`SELECT path FROM regions WHERE id = $1`, [
      world.regions[f.region],
    ]);
    const [row] = await t.ds.query(
      `INSERT INTO cases (case_number, court_id, year, sequence, mediation_kind, dispute_type, source,
         summary, claims, received_at, region_id, region_path, status, result, dv_flag, mediator_id,
         accepted_at, deadline_at, closed_at, created_by)
       VALUES ($1, $2, 2026, $3, 'pre_filing', $4, 'court_referral', '-', '-', $5, $6, $7, $8, $9,
         $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        `(2026)T诉前调${seq}号`,
        world.courts[f.court ?? 'a'],
        seq,
        f.dispute ?? 'divorce',
        f.received,
        world.regions[f.region],
        region.path,
        f.status ?? (f.closed ? 'closed' : f.accepted ? 'in_mediation' : 'received'),
        f.result ?? null,
        f.dv ?? false,
        f.mediator ? world.users.mediatorX1 : null,
        f.accepted ?? null,
        f.deadline ?? null,
        f.closed ?? null,
        world.users.clerkA,
      ],
    );
    return row.id;
  }

  /** The fixture; the comments give each case's Asia/Shanghai dates. */
  async function seedFixture(): Promise<void> {
    // c1 received 04-01 00:30 (31 March in UTC), accepted 04-02, closed 04-20 reconciled: 18 days.
    await insertCase({
      region: 'x1',
      received: '2026-03-31T16:30:00Z',
      accepted: '2026-04-02T01:00:00Z',
      deadline: '2026-05-02T15:59:59Z',
      closed: '2026-04-20T02:00:00Z',
      result: 'reconciled',
      mediator: true,
    });
    // c2 received 03-31 23:30 (March), accepted 04-01, deadline 04-30, closed 05-05 (late): 34 days.
    await insertCase({
      region: 'x1',
      received: '2026-03-31T15:30:00Z',
      accepted: '2026-04-01T02:00:00Z',
      deadline: '2026-04-30T15:59:59Z',
      closed: '2026-05-05T02:00:00Z',
      result: 'no_agreement',
      dispute: 'custody',
      mediator: true,
    });
    // c3 received 04-10, withdrawn 04-11 before acceptance.
    await insertCase({
      region: 'x2',
      received: '2026-04-10T02:00:00Z',
      closed: '2026-04-11T02:00:00Z',
      result: 'withdrawn',
    });
    // c4 received 04-15, accepted 04-16, still in mediation, deadline far away.
    await insertCase({
      region: 'y1',
      received: '2026-04-15T02:00:00Z',
      accepted: '2026-04-16T02:00:00Z',
      deadline: '2027-12-31T15:59:59Z',
    });
    // c5 received 04-20, accepted 04-21, closed 05-01 00:30 (30 April in UTC), ancillary agreement,
    // applied for judicial confirmation, followed up and performed, DV-flagged: 10 days.
    const c5 = await insertCase({
      region: 'y1',
      received: '2026-04-20T02:00:00Z',
      accepted: '2026-04-21T02:00:00Z',
      deadline: '2026-05-21T15:59:59Z',
      closed: '2026-04-30T16:30:00Z',
      result: 'ancillary_agreed',
      dv: true,
    });
    await t.ds.query(`INSERT INTO case_tracking (case_id, jc_applied_at) VALUES ($1, $2)`, [
      c5,
      '2026-05-03T02:00:00Z',
    ]);
    await t.ds.query(
      `INSERT INTO case_follow_ups (case_id, kind, due_on, visited_at, performance)
       VALUES ($1, 'settlement_30', '2026-05-31', '2026-05-30T02:00:00Z', 'performed')`,
      [c5],
    );
    // c6 another court's case, received 04-05, expired.
    await insertCase({
      region: 'z1',
      court: 'b',
      received: '2026-04-05T02:00:00Z',
      accepted: '2026-04-05T03:00:00Z',
      deadline: '2026-05-05T15:59:59Z',
      closed: '2026-05-06T00:00:00Z',
      result: 'expired',
    });
  }

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
    });
    expect(s.rates.closureRate.definition).toMatch(/received in the period/);
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
      results: { no_agreement: 1, ancillary_agreed: 1 },
    });
  });

  it('a period that cuts months reads the days; the default is this year so far', async () => {
    await seedFixture();
    const days = (await get('clerka', '/stats/summary?from=2026-04-10&to=2026-04-20').expect(200))
      .body;
    expect(days).toMatchObject({ received: 3, closed: 2 }); // c3, c4, c5; c3 and c1 closed
    const year = (await get('clerka', '/stats/summary').expect(200)).body;
    expect(year).toMatchObject({ received: 5, closed: 4 });
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
    expect(townships.totals).toEqual({
      received: summary.received,
      accepted: summary.accepted,
      closed: summary.closed,
      open: summary.open,
      results: summary.results,
      rates: summary.rates,
      averageDurationDays: summary.averageDurationDays,
    });
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
    ]) {
      const b = (await get(user, `/stats/breakdown?by=${dimension}${query}`).expect(200)).body;
      expect(b.rows.length).toBeGreaterThan(0);
      for (const row of b.rows) {
        const expected: Record<string, number> = {
          received: row.received,
          closed: row.closed,
          open: row.open,
          ...row.results,
        };
        for (const [name, link] of Object.entries(row.drillDown as Record<string, string>)) {
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

  it('refuses bad periods naming the field', async () => {
    const bad = async (query: string, field: string) =>
      expect(
        (await get('clerka', `/stats/summary?${query}`).expect(400)).body.errors[0].field,
      ).toBe(field);
    await bad('from=2026-02-30', 'from');
    await bad('from=2026-13-01', 'from');
    await bad('from=2026-05-01&to=2026-04-01', 'to');
    await bad('basis=opened', 'basis');
  });

  it('the rollup equals a full recount after 1,000 random changes to cases, tracking and follow-ups', async () => {
    const regions: (keyof World['regions'])[] = ['x1', 'x2', 'y1', 'z1'];
    let state = 7;
    const rand = (n: number): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % n;
    };
    const day = (d: number): string =>
      new Date(Date.UTC(2026, 0, 1) + d * 3_600_000 * 7).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const region = regions[rand(regions.length)];
      ids.push(
        await insertCase({ region, court: region === 'z1' ? 'b' : 'a', received: day(rand(1000)) }),
      );
    }
    const results = [
      'reconciled',
      'divorce_agreed',
      'ancillary_agreed',
      'no_agreement',
      'withdrawn',
      'expired',
    ];
    const changes: [string, () => unknown[]][] = [
      [
        `UPDATE cases SET accepted_at = $2, deadline_at = $3, status = CASE WHEN status = 'closed' THEN status ELSE 'in_mediation' END WHERE id = $1`,
        () => [day(rand(1000)), day(rand(1200))],
      ],
      [
        `UPDATE cases SET status = 'closed', closed_at = $2, result = $3 WHERE id = $1`,
        () => [day(rand(1200)), results[rand(results.length)]],
      ],
      [
        `UPDATE cases SET status = 'in_mediation', closed_at = NULL, result = NULL WHERE id = $1`,
        () => [],
      ],
      [
        `UPDATE cases SET mediator_id = CASE WHEN mediator_id IS NULL THEN $2::uuid END WHERE id = $1`,
        () => [world.users.mediatorX1],
      ],
      [
        `UPDATE cases SET dv_flag = NOT dv_flag, dispute_type = $2 WHERE id = $1`,
        () => [['divorce', 'custody', 'property'][rand(3)]],
      ],
      [
        `UPDATE cases SET region_id = r.id, region_path = r.path FROM regions r WHERE cases.id = $1 AND r.id = $2`,
        () => [world.regions[(['x1', 'x2', 'y1'] as const)[rand(3)]]],
      ],
      [
        `INSERT INTO case_tracking (case_id, jc_applied_at) VALUES ($1, $2) ON CONFLICT (case_id) DO UPDATE SET jc_applied_at = EXCLUDED.jc_applied_at`,
        () => [rand(2) ? day(rand(1200)) : null],
      ],
      [
        `INSERT INTO case_follow_ups (case_id, kind, due_on, visited_at, performance) VALUES ($1, 'ad_hoc', '2026-06-01', $2, $3)`,
        () => [day(rand(1200)), ['performed', 'partial', 'breached'][rand(3)]],
      ],
      [
        `DELETE FROM case_follow_ups WHERE id IN (SELECT id FROM case_follow_ups WHERE case_id = $1 LIMIT 1)`,
        () => [],
      ],
    ];
    for (let step = 0; step < 1000; step++) {
      const [sql, args] = changes[rand(changes.length)];
      await t.ds.query(sql, [ids[rand(ids.length)], ...args()]);
      if (step % 250 === 249) expect(await verifyStats(t.ds)).toMatchObject({ ok: true });
    }
    await t.ds.query(`DELETE FROM cases WHERE id = $1`, [ids[0]]);
    expect(await verifyStats(t.ds)).toEqual({
      ok: true,
      cases: 29,
      facts: 0,
      monthly: 0,
      township: 0,
    });
    // And the check can fail: a cube tampered with is reported.
    await t.ds.query(
      `UPDATE case_stats_township SET cases = cases + 1 WHERE ctid = (SELECT ctid FROM case_stats_township LIMIT 1)`,
    );
    const tampered = await verifyStats(t.ds);
    expect(tampered).toMatchObject({ ok: false, facts: 0, monthly: 0 });
    expect(tampered.township).toBeGreaterThan(0);
  });
});
