import { shanghaiDate } from '../../src/modules/cases/clock/case-clock.js';
import { createTestApp, TestApp } from '../support/app.js';
import { createCase, idFor } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * The 12-month re-entry rate (stats-reentry.ts): cases made and withdrawn through the API, their
 * instants then moved back in time by SQL (the API takes no closure date); the same person is a
 * party of two cases, in another role and another township.
 */
describe('statistics: the 12-month re-entry rate (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};
  const DAY = 86_400_000;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'supervisorcity']) {
      tok[u] = (await login(t, u)).access;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const person = (serial: number, role: 'applicant' | 'respondent', gender: 'female' | 'male') => ({
    role,
    name: `王某${serial}`,
    gender,
    idNumber: idFor(gender === 'female' ? '1991-02-03' : '1989-04-05', gender, serial),
    phone: `1390000${String(serial).padStart(4, '0')}`,
  });

  /** A case of these people in a village, received `received` days ago and closed `closed` ago. */
  async function aCase(
    village: 'x1' | 'y1',
    people: ReturnType<typeof person>[],
    received: number,
    closed?: number,
  ): Promise<string> {
    const c = await createCase(t, tok.clerka, world.regions[village], { parties: people });
    if (closed !== undefined) {
      await t
        .http()
        .post(`/api/v1/cases/${c.id}/withdraw`)
        .set(bearer(tok.clerka))
        .send({ reason: '申请人撤回', version: c.version })
        .expect(204);
    }
    await t.ds.query(`UPDATE cases SET received_at = $2, closed_at = $3 WHERE id = $1`, [
      c.id,
      ago(received),
      closed === undefined ? null : ago(closed),
    ]);
    return c.id;
  }

  /**
   * In 胶北街道 (y1): A closed 400 days ago re-enters (one of its people is the applicant of B, in
   * 胶西镇, received 100 days ago); C closed 390 days ago does not (its applicant came back 5 days
   * before its closure and 380 days after it); E closed 30 days ago is still in its window
   * (though F already brings its applicant back).
   */
  async function seed(): Promise<Record<string, string>> {
    const p1 = person(1, 'applicant', 'female');
    const p2 = person(2, 'respondent', 'male');
    const p3 = person(3, 'applicant', 'female');
    const p4 = person(4, 'respondent', 'male');
    const p5 = person(5, 'applicant', 'female');
    const p6 = person(6, 'respondent', 'male');
    const other = person(7, 'respondent', 'male');
    return {
      A: await aCase('y1', [p1, p2], 420, 400),
      B: await aCase('x1', [{ ...p2, role: 'applicant' }, other], 100),
      C: await aCase('y1', [p3, p4], 410, 390),
      H: await aCase('y1', [p3, other], 395),
      D: await aCase('y1', [p3, other], 10),
      E: await aCase('y1', [p5, p6], 60, 30),
      F: await aCase('x1', [p5, other], 5),
    };
  }

  const period = () => `from=${shanghaiDate(ago(450))}&to=${shanghaiDate(new Date())}`;

  it('counts the known cases, the re-entered ones and those still in their window; the links list them', async () => {
    const ids = await seed();
    for (const user of ['clerka', 'supervisorcity']) {
      const s = (await get(user, `/stats/summary?${period()}`).expect(200)).body;
      expect(s.reentryRate).toMatchObject({
        value: 0.5,
        numerator: 1,
        denominator: 2,
        stillInWindow: 1,
      });
      expect(s.reentryRate.definition).toContain('365');
      const list = async (name: string) =>
        (await get(user, s.drillDown[name].replace('/api/v1', '')).expect(200)).body;
      const ofList = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();
      expect(ofList(await list('reentered'))).toEqual([ids.A]);
      expect(ofList(await list('reentryKnown'))).toEqual([ids.A, ids.C].sort());
      expect(ofList(await list('reentryInWindow'))).toEqual([ids.E]);
    }
    // Same on the closed basis: the rate is over the cases closed in the period either way.
    const closed = (await get('clerka', `/stats/summary?${period()}&basis=closed`).expect(200))
      .body;
    expect(closed.reentryRate).toMatchObject({ numerator: 1, denominator: 2, stillInWindow: 1 });
    // The list's filter alone: every closed case that re-entered, known or not (A, E).
    const all = (await get('clerka', '/cases?reentered=true&exactTotal=true').expect(200)).body;
    expect(all.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.A, ids.E].sort());
    const not = (await get('clerka', '/cases?reentered=false&exactTotal=true').expect(200)).body;
    expect(not.items.map((i: { id: string }) => i.id)).toEqual([ids.C]);
  });

  it('scope and filters: another township, another court and a region filter', async () => {
    await seed();
    // 胶西镇's supervisor sees neither A nor C nor E (B and F are hers, and open).
    const x = (await get('supervisorx', `/stats/summary?${period()}`).expect(200)).body;
    expect(x.reentryRate).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      stillInWindow: 0,
    });
    const listed = (
      await get('supervisorx', x.drillDown.reentered.replace('/api/v1', '')).expect(200)
    ).body;
    expect(listed.total).toBe(0);
    expect((await get('supervisorx', '/cases?reentered=true').expect(200)).body.total).toBe(0);
    const b = (await get('clerkb', `/stats/summary?${period()}`).expect(200)).body;
    expect(b.reentryRate).toMatchObject({ numerator: 0, denominator: 0, stillInWindow: 0 });
    const townY = (
      await get('supervisorcity', `/stats/summary?${period()}&regionId=${world.regions.townY}`)
    ).body;
    expect(townY.reentryRate).toMatchObject({ numerator: 1, denominator: 2, stillInWindow: 1 });
    expect(townY.drillDown.reentered).toContain(`regionId=${world.regions.townY}`);
    const other = (
      await get('clerka', `/stats/summary?${period()}&disputeType=custody`).expect(200)
    ).body;
    expect(other.reentryRate).toMatchObject({ numerator: 0, denominator: 0, stillInWindow: 0 });
  });

  it('a period that ended more than a year ago is all known; one within the last year none', async () => {
    await seed();
    const old = (
      await get(
        'clerka',
        `/stats/summary?from=${shanghaiDate(ago(450))}&to=${shanghaiDate(ago(380))}`,
      ).expect(200)
    ).body;
    expect(old.reentryRate).toMatchObject({ numerator: 1, denominator: 2, stillInWindow: 0 });
    const recent = (
      await get('clerka', `/stats/summary?from=${shanghaiDate(ago(100))}`).expect(200)
    ).body;
    expect(recent.reentryRate).toMatchObject({ numerator: 0, denominator: 0, stillInWindow: 1 });
  });
});
