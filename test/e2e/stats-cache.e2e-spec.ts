import { type Counter, register } from 'prom-client';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../src/common/context/request-context.js';
import { loadSessionUser } from '../../src/modules/auth/session-lookup.js';
import type { BreakdownQuery } from '../../src/modules/stats/dto/stats.query.js';
import { StatsService } from '../../src/modules/stats/stats.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { randomChanges } from '../support/stats-changes.js';
import { statsFixture } from '../support/stats-fixture.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * Kept statistics answers (StatsCache): served again only while the county × court cells they read
 * are unchanged, and then always equal to what computing them now gives.
 */
describe('statistics: kept answers (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};
  const users: Record<string, AuthUser> = {};
  const USERS = ['clerka', 'clerkb', 'supervisorx', 'supervisorcity'];

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const username of USERS) {
      tok[username] = (await login(t, username)).access;
      const claims = JSON.parse(
        Buffer.from(tok[username].split('.')[1], 'base64url').toString(),
      ) as { sub: string; sid: string };
      const user = await loadSessionUser(t.app.get(DataSource), claims.sub, claims.sid);
      if (!user) throw new Error(`no session for ${username}`);
      users[username] = user;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const { insertCase, seedFixture } = statsFixture(() => ({ t, world }));

  /** The breakdown as sent, and how the cache answered it. */
  async function ask(user: string, query: Partial<BreakdownQuery>) {
    const before = await answers();
    const params = new URLSearchParams(
      Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]),
    );
    const res = await t
      .http()
      .get(`/api/v1/stats/breakdown?${params.toString()}`)
      .set(bearer(tok[user]))
      .expect(200)
      .expect('content-type', 'application/json; charset=utf-8');
    const after = await answers();
    const cache = (['hit', 'miss', 'uncached'] as const).find((k) => after[k] > before[k]);
    return {
      body: res.body as { rows: { key: string; label: string; received: number }[] },
      cache,
    };
  }

  /** The breakdown computed now, from the rollup, without the cache. */
  async function fresh(user: string, query: Partial<BreakdownQuery>): Promise<unknown> {
    const built = await t.app
      .get(StatsService)
      .breakdown(users[user], { basis: 'received', ...query } as BreakdownQuery);
    return JSON.parse(JSON.stringify(built));
  }

  async function answers(): Promise<Record<'hit' | 'miss' | 'uncached', number>> {
    const metric = register.getSingleMetric('stats_answers_total') as Counter | undefined;
    const counts = { hit: 0, miss: 0, uncached: 0 };
    for (const v of (await metric?.get())?.values ?? []) {
      if (v.labels.route === 'breakdown') counts[v.labels.cache as keyof typeof counts] += v.value;
    }
    return counts;
  }

  it('serves an answer again while its cells are unchanged, and computes it anew after a change in them', async () => {
    await seedFixture();
    const townX = { by: 'village', from: '2026-04-01', to: '2026-04-30' } as const;
    const courtB = { by: 'township', from: '2026-04-01', to: '2026-04-30' } as const;
    expect((await ask('supervisorx', townX)).cache).toBe('miss');
    const kept = await ask('supervisorx', townX);
    expect(kept.cache).toBe('hit');
    expect(kept.body).toEqual(await fresh('supervisorx', townX));
    expect((await ask('clerkb', courtB)).cache).toBe('miss');
    expect((await ask('clerkb', courtB)).cache).toBe('hit');
    // Another period is another answer.
    expect((await ask('supervisorx', { ...townX, to: '2026-04-29' })).cache).toBe('miss');
    // Answers are kept per scope: the city's kept answer is not the township's.
    const byTownship = { by: 'township', from: '2026-04-01', to: '2026-04-30' } as const;
    const city = await ask('supervisorcity', byTownship);
    expect(city.body.rows.map((r) => r.key)).toHaveLength(3);
    const town = await ask('supervisorx', byTownship);
    expect(town.cache).toBe('miss');
    expect(town.body.rows.map((r) => r.label)).toEqual(['胶西镇']);

    // A case of court B in county B: township X's answer (county A) still holds; court B's does not.
    await insertCase({ region: 'z1', court: 'b', received: '2026-04-08T02:00:00Z' });
    const stillKept = await ask('supervisorx', townX);
    expect(stillKept).toEqual({ body: kept.body, cache: 'hit' });
    const courtBAfter = await ask('clerkb', courtB);
    expect(courtBAfter.cache).toBe('miss');
    expect(courtBAfter.body.rows.map((r) => [r.label, r.received])).toEqual([['通济街道', 2]]);
    expect(courtBAfter.body).toEqual(await fresh('clerkb', courtB));

    // A change in township Y (county A) makes every answer over county A computed anew, exactly.
    await t.ds.query(
      `UPDATE cases SET region_id = $1, region_path = r.path FROM regions r
        WHERE r.id = $1 AND cases.received_at = '2026-04-15T02:00:00Z'`,
      [world.regions.x2],
    );
    const moved = await ask('supervisorx', townX);
    expect(moved.cache).toBe('miss');
    expect(moved.body).toEqual(await fresh('supervisorx', townX));
    const x2 = (body: typeof kept.body) => body.rows.find((r) => r.key === world.regions.x2);
    expect(x2(moved.body)?.received).toBe((x2(kept.body)?.received ?? 0) + 1);
  });

  it('every answer equals a fresh computation after each of 200 random changes', async () => {
    const regions: (keyof World['regions'])[] = ['x1', 'x2', 'y1', 'z1'];
    const { rand, day, apply } = randomChanges(t, world, 11);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const region = regions[rand(regions.length)];
      ids.push(
        await insertCase({ region, court: region === 'z1' ? 'b' : 'a', received: day(rand(1000)) }),
      );
    }
    const questions: [string, Partial<BreakdownQuery>][] = [
      ['supervisorcity', { by: 'township', from: '2026-01-01', to: '2026-12-31' }],
      ['supervisorcity', { by: 'village', basis: 'closed', from: '2026-02-10', to: '2026-11-20' }],
      ['supervisorx', { by: 'village', from: '2026-01-01', to: '2026-12-31' }],
      ['supervisorx', { by: 'month', from: '2026-03-15', to: '2026-10-10', basis: 'closed' }],
      ['clerka', { by: 'court', from: '2026-01-01', to: '2026-12-31' }],
      ['clerkb', { by: 'township', from: '2026-01-01', to: '2026-12-31' }],
      [
        'supervisorcity',
        { by: 'disputeType', regionId: world.regions.countyB, from: '2026-01-01' },
      ],
      ['supervisorcity', { by: 'dvFlag', courtId: world.courts.b, from: '2026-01-01' }],
    ];
    const seen = { hit: 0, miss: 0 };
    for (let step = 0; step < 200; step++) {
      await apply(ids);
      for (const [user, query] of questions) {
        const { body, cache } = await ask(user, query);
        expect({ step, user, query, body }).toEqual({
          step,
          user,
          query,
          body: await fresh(user, query),
        });
        if (cache === 'hit' || cache === 'miss') seen[cache] += 1;
      }
    }
    // Both paths were taken many times: a change leaves the other county's answers kept.
    expect(seen.hit).toBeGreaterThan(200);
    expect(seen.miss).toBeGreaterThan(200);
  }, 120_000);
});
