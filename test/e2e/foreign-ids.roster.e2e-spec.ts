import { createTestApp, TestApp } from '../support/app.js';
import { consentAndScreen, createCase, type CreatedCase } from '../support/cases.js';
import {
  expectRefusedAlike,
  footprint,
  problemOf,
  RANDOM_ID,
  type ForeignIdCase,
} from '../support/foreign-ids.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * Roster writes that name another object (the conflict's case, the mediator's organisation and
 * villages): another county's object answers like one that does not exist, and nothing is written.
 */
describe('foreign ids: the roster (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};
  /** A case of county B (court B, village Z1). */
  let caseB: CreatedCase;
  /** A case of county A, assigned to mediatorx1. */
  let caseA: CreatedCase;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'mediatorx1'])
      tok[u] = (await login(t, u)).access;
    caseB = await createCase(t, tok.clerkb, world.regions.z1);
    caseA = await createCase(t, tok.clerka, world.regions.x1);
    const v = await consentAndScreen(t, tok.clerka, caseA);
    await post('clerka', `/cases/${caseA.id}/refer`, { version: v }).expect(204);
    await post('supervisorx', `/cases/${caseA.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: v + 1,
    }).expect(204);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (user: string, path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const patch = (user: string, path: string, body: object) =>
    t.http().patch(`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const conflictOn = (user: string, caseId: string) =>
    post(user, `/mediators/${world.users.mediatorX1}/conflicts`, { caseId, reason: 'kin' });

  const rows: ForeignIdCase[] = [
    {
      name: 'a mediator declares a conflict on another county’s case',
      foreign: () => caseB.id,
      send: (id) => conflictOn('mediatorx1', id),
      table: 'mediator_conflicts',
      status: 404,
      code: 'CASE.NOT_FOUND',
    },
    {
      name: 'her supervisor declares it for her',
      foreign: () => caseB.id,
      send: (id) => conflictOn('supervisorx', id),
      table: 'mediator_conflicts',
      status: 404,
      code: 'CASE.NOT_FOUND',
    },
    {
      name: 'a supervisor gives her another county’s organisation',
      foreign: () => world.orgs.z,
      send: (id) =>
        patch('supervisorx', `/mediators/${world.users.mediatorX1}`, { organizationId: id }),
      table: 'mediator_profiles',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'organizationId',
    },
    {
      name: 'a supervisor gives her another county’s village',
      foreign: () => world.regions.z1,
      send: (id) =>
        patch('supervisorx', `/mediators/${world.users.mediatorX1}`, { villageIds: [id] }),
      table: 'mediator_villages',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'villageIds',
    },
  ];

  it.each(rows)('$name: $status $code, nothing written', async (row) => {
    await expectRefusedAlike(t, row, caseB.id);
  });

  it('the refused conflicts are audited as refusals and stay out of the other county’s timeline', async () => {
    const denied: { n: string }[] = await t.ds.query(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'access.denied' AND entity_type = 'case' AND entity_id = $1`,
      [caseB.id],
    );
    expect(Number(denied[0].n)).toBe(2);
    const timeline = (await get('clerkb', `/cases/${caseB.id}/timeline`).expect(200)).body as {
      action: string;
    }[];
    expect(timeline.map((e) => e.action)).not.toContain('mediator.conflict_declared');
  });

  it('a case of her own county that was never hers is out of a mediator’s scope too', async () => {
    const other = await createCase(t, tok.clerka, world.regions.x1);
    const before = await footprint(t, 'mediator_conflicts');
    const res = await conflictOn('mediatorx1', other.id).expect(404);
    expect(res.body.code).toBe('CASE.NOT_FOUND');
    expect(await footprint(t, 'mediator_conflicts')).toEqual(before);
  });

  it('a case in scope is recorded (the footprint sees the write)', async () => {
    const before = await footprint(t, 'mediator_conflicts', caseA.id);
    await conflictOn('mediatorx1', caseA.id).expect(204);
    await conflictOn('supervisorx', caseA.id).expect(204);
    const after = await footprint(t, 'mediator_conflicts', caseA.id);
    expect(after.table).not.toBe(before.table);
    expect(after.audit).toBe(before.audit + 2);
    expect(after.timeline).toBe(before.timeline + 2);
    const rowsOf: { case_id: string }[] = await t.ds.query(
      'SELECT case_id FROM mediator_conflicts WHERE mediator_id = $1',
      [world.users.mediatorX1],
    );
    expect(rowsOf.map((r) => r.case_id)).toEqual([caseA.id, caseA.id]);
    // In scope, a supervisor may still give her an organisation of her own county.
    await patch('supervisorx', `/mediators/${world.users.mediatorX1}`, {
      organizationId: world.orgs.x,
    }).expect(200);
  });

  it('the roster filter by region: another county’s region lists what an unknown one lists', async () => {
    for (const user of ['clerka', 'supervisorx']) {
      const foreign = await get(user, `/mediators?regionId=${world.regions.countyB}`).expect(200);
      const unknown = await get(user, `/mediators?regionId=${RANDOM_ID}`).expect(200);
      expect(foreign.body.total).toBe(0);
      expect(problemOf(foreign)).toEqual(problemOf(unknown));
    }
  });
});
