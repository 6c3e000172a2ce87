import { execFileSync } from 'node:child_process';
import { systemContext } from '../../src/common/context/request-context.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { APPLICANT_ID, APPLICANT_PHONE, caseInMediation, RESPONDENT_ID } from '../support/cases.js';
import { PASSWORD } from '../support/fixtures.js';
import { TEST_DATABASE_URL } from '../support/test-env.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

// Dates the case's clock allows (the helpers accept the case "now"): sessions ahead within the
// mediation period, an agreement in effect tomorrow, a 笔录 and a visit just held.
const DAY_MS = 86_400_000;
const ahead = (days: number, minutes = 0): string =>
  new Date(
    Math.floor(Date.now() / 60_000) * 60_000 + days * DAY_MS + minutes * 60_000,
  ).toISOString();

/** Scope on every case route, privacy at rest, and the remaining outcome paths. */
describe('case guards (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    await t.app.get(UsersService).create(systemContext(), {
      username: 'supervisory',
      password: PASSWORD,
      displayName: '胶北督导',
      role: 'supervisor',
      regionId: world.regions.townY,
    });
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'supervisory', 'mediatorx1', 'mediatorz1'])
      tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const inMediation = () =>
    caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
    );
  const call = (user: string, method: 'get' | 'post' | 'patch', path: string, body: object = {}) =>
    method === 'get'
      ? t.http().get(`/api/v1${path}`).set(bearer(tok[user]))
      : t.http()[method](`/api/v1${path}`).set(bearer(tok[user])).send(body);

  it('every case route answers 404 to a clerk of another court, an unassigned mediator and a supervisor of another township, changing nothing', async () => {
    const c = await inMediation();
    const session = await call('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
      scheduledAt: ahead(3),
      location: '百合调解室',
      mode: 'in_person',
      format: 'joint',
      version: c.version,
    }).expect(201);
    const v = c.version + 1;
    const party = c.parties[0].id;
    const routes: ['get' | 'post' | 'patch', string, object?][] = [
      ['get', `/cases/${c.id}`],
      ['get', `/cases/${c.id}/timeline`],
      ['get', `/cases/${c.id}/sessions`],
      ['get', `/cases/${c.id}/mediator-suggestions`],
      ['patch', `/cases/${c.id}`, { summary: 'x', version: v }],
      [
        'post',
        `/cases/${c.id}/consents`,
        {
          partyId: party,
          decision: 'refused',
          method: 'phone',
          recordedAt: '2026-11-03T10:00:00+08:00',
          version: v,
        },
      ],
      [
        'post',
        `/cases/${c.id}/screenings`,
        {
          partyId: party,
          answers: {
            physicalViolence: false,
            threats: false,
            coerciveControl: false,
            fearOfOtherParty: false,
            childrenAtRisk: false,
            protectionOrderInForce: false,
          },
          recommendation: 'not_suitable',
          version: v,
        },
      ],
      ['post', `/cases/${c.id}/refer`, { version: v }],
      ['post', `/cases/${c.id}/assignment`, { mediatorId: world.users.mediatorZ1, version: v }],
      ['post', `/cases/${c.id}/accept`, { version: v }],
      ['post', `/cases/${c.id}/decline`, { reason: 'none', version: v }],
      ['post', `/cases/${c.id}/recuse`, { reason: 'none', version: v }],
      ['post', `/cases/${c.id}/extensions`, { days: 5, reason: 'x', version: v }],
      [
        'post',
        `/cases/${c.id}/sessions`,
        {
          scheduledAt: ahead(4),
          location: 'x',
          mode: 'phone',
          format: 'shuttle',
          version: v,
        },
      ],
      ['patch', `/sessions/${session.body.id}`, { location: 'y', version: v }],
      ['post', `/sessions/${session.body.id}/cancel`, { reason: 'none', version: v }],
      ['post', `/sessions/${session.body.id}/no-show`, { version: v }],
      [
        'post',
        `/cases/${c.id}/outcome`,
        { result: 'no_agreement', route: 'court_filing', version: v },
      ],
      ['post', `/cases/${c.id}/review`, { decision: 'approve', version: v }],
      ['post', `/cases/${c.id}/withdraw`, { reason: 'none', version: v }],
      [
        'post',
        `/cases/${c.id}/court-filing`,
        { courtCaseNumber: 'x', filedAt: '2026-12-02T09:00:00+08:00', version: v },
      ],
      [
        'post',
        `/cases/${c.id}/judicial-confirmation`,
        { appliedAt: '2026-12-02T09:00:00+08:00', version: v },
      ],
      [
        'post',
        `/cases/${c.id}/registry-divorce`,
        { appliedAt: '2026-12-02T09:00:00+08:00', version: v },
      ],
      ['post', `/cases/${c.id}/follow-ups`, { dueOn: '2027-01-01', version: v }],
      ['post', `/parties/${party}/reveal`, { field: 'phone', reason: 'curious' }],
    ];
    const snapshot = async () =>
      JSON.stringify(
        await t.ds.query(
          `SELECT (SELECT json_agg(c) FROM cases c) AS cases, (SELECT json_agg(s) FROM case_sessions s) AS sessions`,
        ),
      );
    const before = await snapshot();
    const seen: string[] = [];
    for (const user of ['clerkb', 'mediatorz1', 'supervisory']) {
      for (const [method, path, body] of routes) {
        const res = await call(user, method, path, body);
        // 404 when the role may call the route at all; 403 when the role may never call it.
        expect([403, 404]).toContain(res.status);
        if (res.status === 404) seen.push(`${method} ${path}`);
      }
    }
    // Every route is reached by at least one of them and hides the case.
    expect(routes.filter(([method, path]) => !seen.includes(`${method} ${path}`))).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('a pg_dump of the database holds no ID number or phone in clear', async () => {
    await inMediation();
    const dump = execFileSync('pg_dump', ['--data-only', TEST_DATABASE_URL], {
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8');
    expect(dump).toContain('张某某'); // the dump is real and has the parties
    for (const secret of [
      APPLICANT_ID,
      RESPONDENT_ID,
      APPLICANT_PHONE,
      '13900000002',
      '胶西村12号',
    ]) {
      expect(dump.includes(secret)).toBe(false);
    }
  });

  it('reconciled and registry-divorce paths, and a withdrawal in mediation', async () => {
    const reconciled = await inMediation();
    await call('mediatorx1', 'post', `/cases/${reconciled.id}/outcome`, {
      result: 'reconciled',
      route: 'none',
      notes: '双方和好',
      version: reconciled.version,
    }).expect(204);
    await call('supervisorx', 'post', `/cases/${reconciled.id}/review`, {
      decision: 'approve',
      version: reconciled.version + 1,
    }).expect(204);
    expect((await call('clerka', 'get', `/cases/${reconciled.id}`)).body).toMatchObject({
      status: 'closed',
      result: 'reconciled',
      route: 'none',
    });

    const registry = await inMediation();
    const agreement = {
      effectiveAt: ahead(1),
      form: 'written',
      children: [{ childId: registry.children[0].id, custody: 'respondent', heard: true }],
    };
    await call('mediatorx1', 'post', `/cases/${registry.id}/outcome`, {
      result: 'divorce_agreed',
      route: 'registry_divorce',
      agreement,
      version: registry.version,
    }).expect(204);
    await call('supervisorx', 'post', `/cases/${registry.id}/review`, {
      decision: 'approve',
      version: registry.version + 1,
    }).expect(204);
    await call('mediatorx1', 'post', `/cases/${registry.id}/registry-divorce`, {
      appliedAt: '2026-12-03T09:00:00+08:00',
      version: registry.version + 2,
    }).expect(204);
    const tracked = (await call('clerka', 'get', `/cases/${registry.id}`)).body.tracking;
    expect(tracked.registryCoolingOffEndsAt).toBe('2027-01-02T01:00:00.000Z');
    expect(tracked.registryCertificateDueAt).toBe('2027-02-01T01:00:00.000Z');
    // A certificate dated within the cooling-off: 400 naming the field, nothing written.
    const early = await call('clerka', 'post', `/cases/${registry.id}/registry-divorce`, {
      appliedAt: '2026-12-03T09:00:00+08:00',
      certificateAt: '2026-12-20T00:00:00+08:00',
      version: registry.version + 3,
    }).expect(400);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ field: 'certificateAt', code: 'REGISTRY.IN_COOLING_OFF' }),
    ]);
    expect(early.body.errors[0].message).toContain('冷静期至2027年1月2日');
    const after = (await call('clerka', 'get', `/cases/${registry.id}`)).body;
    expect([after.version, after.tracking.registryCertificateAt]).toEqual([
      registry.version + 3,
      null,
    ]);

    const withdrawn = await inMediation();
    await call('mediatorx1', 'post', `/cases/${withdrawn.id}/withdraw`, {
      reason: '申请人撤回调解申请',
      version: withdrawn.version,
    }).expect(204);
    expect((await call('clerka', 'get', `/cases/${withdrawn.id}`)).body).toMatchObject({
      status: 'closed',
      result: 'withdrawn',
      route: 'none',
    });
  });
});
