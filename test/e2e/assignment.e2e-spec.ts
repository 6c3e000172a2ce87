import { systemContext } from '../../src/common/context/request-context.js';
import { CaseClockService } from '../../src/modules/cases/clock/case-clock.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { APPLICANT_ID, consentAndScreen, createCase, NO_DV } from '../support/cases.js';
import { PASSWORD } from '../support/fixtures.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

// Dates the case's clock allows (the helpers accept the case "now"): sessions ahead within the
// mediation period, an agreement in effect tomorrow, a 笔录 and a visit just held.
const justNow = (minutes = 0): string => new Date(Date.now() + minutes * 60_000).toISOString();

describe('roster, assignment and the legal clock (e2e)', () => {
  let t: TestApp;
  let world: World;
  let mediatorX2: string;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    mediatorX2 = (
      await t.app.get(UsersService).create(systemContext(), {
        username: 'mediatorx2',
        password: PASSWORD,
        displayName: '王芳',
        role: 'mediator',
        regionId: world.regions.x2,
        organizationId: world.orgs.x,
      })
    ).id;
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'mediatorx1', 'mediatorx2'])
      tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const post = (user: string, path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const caseRow = async (id: string) =>
    (await t.ds.query('SELECT * FROM cases WHERE id = $1', [id]))[0];

  /** A case in village X1, consented, screened and referred; returns its id and version. */
  async function referredCase(dv = false): Promise<{ id: string; version: number }> {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    let version = await consentAndScreen(t, tok.clerka, c);
    if (dv) {
      await post('clerka', `/cases/${c.id}/screenings`, {
        partyId: c.parties[0].id,
        answers: { ...NO_DV, threats: true },
        recommendation: 'shuttle',
        version,
      }).expect(204);
      version += 1;
    }
    await post('clerka', `/cases/${c.id}/refer`, { version }).expect(204);
    return { id: c.id, version: version + 1 };
  }

  it('keeps a roster: villages, specialities, trainings (DV-trained), conflicts; scoped like regions', async () => {
    const res = await t
      .http()
      .patch(`/api/v1/mediators/${world.users.mediatorX1}`)
      .set(bearer(tok.supervisorx))
      .send({
        title: '村妇代会主任',
        villageIds: [world.regions.x1, world.regions.x2],
        specialities: ['divorce', 'custody'],
        maxActiveCases: 3,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      title: '村妇代会主任',
      maxActiveCases: 3,
      dvTrained: false,
      activeCases: 0,
    });
    expect(res.body.villageIds.sort()).toEqual([world.regions.x1, world.regions.x2].sort());
    const trained = await post('supervisorx', `/mediators/${world.users.mediatorX1}/trainings`, {
      title: '反家庭暴力法专题培训',
      heldOn: '2026-09-12',
      hours: 6,
      topics: ['domestic_violence', 'family_law'],
    }).expect(201);
    expect(trained.body.dvTrained).toBe(true);
    expect(
      (await get('supervisorx', '/mediators?dvTrained=true').expect(200)).body.items.map(
        (m: { id: string }) => m.id,
      ),
    ).toEqual([world.users.mediatorX1]);
    expect((await get('supervisorx', '/mediators?speciality=custody').expect(200)).body.total).toBe(
      1,
    );
    await get('clerkb', `/mediators/${world.users.mediatorX1}`).expect(404);
    await t
      .http()
      .patch(`/api/v1/mediators/${world.users.mediatorX1}`)
      .set(bearer(tok.supervisorx))
      .send({ villageIds: [world.regions.z1] })
      .expect(400);
    await get('mediatorx1', `/mediators/${world.users.mediatorX1}`).expect(200);
    await get('mediatorx1', `/mediators/${mediatorX2}`).expect(404);
  });

  it('suggests eligible mediators best first with reasons, and refuses an ineligible one naming why', async () => {
    const c = await referredCase();
    await post('mediatorx2', `/mediators/${mediatorX2}/conflicts`, {
      partyIdNumber: APPLICANT_ID,
      partyName: '张某某',
      reason: 'kin',
    }).expect(204);
    const suggestions = (
      await get('supervisorx', `/cases/${c.id}/mediator-suggestions`).expect(200)
    ).body;
    expect(suggestions[0]).toMatchObject({ mediatorId: world.users.mediatorX1, eligible: true });
    expect(suggestions[0].reasons).toContain('负责本案所在的村（社区）');
    expect(
      suggestions.find((s: { mediatorId: string }) => s.mediatorId === mediatorX2),
    ).toMatchObject({
      eligible: false,
      reasons: ['已申报与本案或当事人存在利益冲突'],
    });
    const refused = await post('supervisorx', `/cases/${c.id}/assignment`, {
      mediatorId: mediatorX2,
      version: c.version,
    }).expect(409);
    expect(refused.body).toMatchObject({ code: 'ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE' });
    expect(refused.body.detail).toBe('不能指派：该调解员已申报与本案或当事人存在利益冲突');
    expect((await caseRow(c.id)).status).toBe('referred');
  });

  it('a DV-flagged case goes only to a DV-trained mediator', async () => {
    const c = await referredCase(true);
    const refused = await post('supervisorx', `/cases/${c.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: c.version,
    }).expect(409);
    expect(refused.body).toMatchObject({
      code: 'ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE',
      detail: '不能指派：本案涉家暴，该调解员未接受家庭暴力问题培训',
    });
    await post('supervisorx', `/mediators/${world.users.mediatorX1}/trainings`, {
      title: '反家暴',
      heldOn: '2026-01-05',
      hours: 3,
      topics: ['domestic_violence'],
    }).expect(201);
    await post('supervisorx', `/cases/${c.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: c.version,
    }).expect(204);
  });

  it('decline then reassign keeps the history; acceptance starts the 30-day clock in Shanghai days', async () => {
    const c = await referredCase();
    await post('supervisorx', `/cases/${c.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: c.version,
    }).expect(204);
    await post('mediatorx2', `/cases/${c.id}/accept`, { version: c.version + 1 }).expect(404); // not hers: invisible
    await post('mediatorx1', `/cases/${c.id}/decline`, {
      reason: '近期外出务工',
      version: c.version + 1,
    }).expect(204);
    expect(await caseRow(c.id)).toMatchObject({ status: 'referred', mediator_id: null });
    await post('clerka', `/cases/${c.id}/assignment`, {
      mediatorId: mediatorX2,
      version: c.version + 2,
    }).expect(204);
    // The first mediator still sees the case she was assigned, but cannot act on it.
    await get('mediatorx1', `/cases/${c.id}`).expect(200);
    expect(
      (await post('mediatorx1', `/cases/${c.id}/accept`, { version: c.version + 3 }).expect(409))
        .body.code,
    ).toBe('CASE.NOT_ASSIGNED_TO_YOU');
    // Nor may she withdraw it, or anything else: she acts only on cases assigned to her now.
    const withdraw = await post('mediatorx1', `/cases/${c.id}/withdraw`, {
      reason: '试图撤回',
      version: c.version + 3,
    }).expect(409);
    expect(withdraw.body.code).toBe('CASE.NOT_ASSIGNED_TO_YOU');
    const before = Date.now();
    await post('mediatorx2', `/cases/${c.id}/accept`, { version: c.version + 3 }).expect(204);
    const detail = (await get('mediatorx2', `/cases/${c.id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'in_mediation', mediatorId: mediatorX2, daysLeft: 30 });
    const deadline = new Date(detail.deadlineAt);
    const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();
    expect(shanghai(deadline).slice(11)).toBe('23:59:59.999Z');
    const expectedDay = new Date(
      Date.parse(shanghai(new Date(before)).slice(0, 10)) + 30 * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    expect(shanghai(deadline).slice(0, 10)).toBe(expectedDay);
    const history = await t.ds.query(
      'SELECT mediator_id, end_reason, note FROM case_assignments WHERE case_id = $1 ORDER BY assigned_at',
      [c.id],
    );
    expect(history).toEqual([
      { mediator_id: world.users.mediatorX1, end_reason: 'declined', note: '近期外出务工' },
      { mediator_id: mediatorX2, end_reason: null, note: null },
    ]);
    const timeline = (await get('clerka', `/cases/${c.id}/timeline`).expect(200)).body.map(
      (e: { action: string }) => e.action,
    );
    expect(timeline).toEqual(
      expect.arrayContaining(['case.assigned', 'case.declined', 'case.accepted']),
    );
  });

  it('extends only with both consents and within the cap; expiry closes an overdue case for court filing', async () => {
    const c = await referredCase();
    await post('supervisorx', `/cases/${c.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: c.version,
    }).expect(204);
    await post('mediatorx1', `/cases/${c.id}/accept`, { version: c.version + 1 }).expect(204);
    let version = c.version + 2;
    const oldDeadline = new Date((await caseRow(c.id)).deadline_at);
    const consent = {
      applicantConsentAt: justNow(),
      applicantConsentMethod: 'signed_form',
    };
    const missing = await post('mediatorx1', `/cases/${c.id}/extensions`, {
      days: 10,
      reason: '双方同意延期',
      ...consent,
      version,
    }).expect(409);
    expect(missing.body.code).toBe('CASE.EXTENSION_NEEDS_CONSENT');
    const both = {
      ...consent,
      respondentConsentAt: justNow(),
      respondentConsentMethod: 'phone',
    };
    await post('mediatorx1', `/cases/${c.id}/extensions`, {
      days: 20,
      reason: '财产分割需评估',
      ...both,
      version,
    }).expect(204);
    version += 1;
    const extended = new Date((await caseRow(c.id)).deadline_at);
    expect(extended.getTime() - oldDeadline.getTime()).toBe(20 * 86_400_000);
    const over = await post('mediatorx1', `/cases/${c.id}/extensions`, {
      days: 11,
      reason: '再延期',
      ...both,
      version,
    }).expect(409);
    expect(over.body.code).toBe('CASE.EXTENSION_OVER_CAP');

    const clock = t.app.get(CaseClockService);
    expect(await clock.expireOverdue(new Date(extended.getTime() - 1_000))).toBe(0);
    expect(await clock.expireOverdue(new Date(extended.getTime() + 1_000))).toBe(1);
    expect(await caseRow(c.id)).toMatchObject({
      status: 'closed',
      result: 'expired',
      route: 'court_filing',
    });
    const timeline = (await get('clerka', `/cases/${c.id}/timeline`).expect(200)).body;
    expect(timeline[timeline.length - 1].text).toMatch(/系统结案：调解期限届满未达成协议$/);
    expect(
      (await t.ds.query('SELECT end_reason FROM case_assignments WHERE case_id = $1', [c.id]))[0]
        .end_reason,
    ).toBe('closed');
  });
});
