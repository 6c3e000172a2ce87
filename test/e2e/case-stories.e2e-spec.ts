import { verifyStats } from '../../src/modules/stats/stats-verifier.js';
import { createTestApp, TestApp } from '../support/app.js';
import { caseInMediation, NO_DV } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

// Dates the case's clock allows (the helpers accept the case "now"): sessions ahead within the
// mediation period, an agreement in effect tomorrow, a 笔录 and a visit just held.
const DAY_MS = 86_400_000;
const ahead = (days: number, minutes = 0): string =>
  new Date(
    Math.floor(Date.now() / 60_000) * 60_000 + days * DAY_MS + minutes * 60_000,
  ).toISOString();
const justNow = (minutes = 0): string => new Date(Date.now() + minutes * 60_000).toISOString();

/** End-to-end stories, as each role would live them, from referral to the after-closure tracks. */
describe('case stories (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of [
      'clerka',
      'clerkb',
      'supervisorx',
      'supervisorcity',
      'mediatorx1',
      'mediatorz1',
    ])
      tok[u] = (await login(t, u)).access;
  });
  // Whatever a story did through the workflow, the statistics rollup still equals a recount.
  afterEach(async () => {
    const verdict = await verifyStats(t.ds);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.cases).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (user: string, method: 'post' | 'patch', path: string, body: object) =>
    t.http()[method](`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const inMediation = (over: Record<string, unknown> = {}) =>
    caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
      over,
    );
  const record = {
    // Read when sent: held just now, after the acceptance.
    get startedAt(): string {
      return justNow();
    },
    get endedAt(): string {
      return justNow(1);
    },
    attendees: [
      { name: '张某某', role: 'applicant' },
      { name: '李某某', role: 'respondent' },
      { name: '王法官', role: 'judge' },
    ],
    noteTaker: '刘记录',
    matters: '子女抚养、财产分割',
    statements: [
      { side: 'applicant', text: '要求孩子随我生活。' },
      { side: 'respondent', text: '同意，愿每月支付抚养费。' },
    ],
    result: '双方就离婚及子女抚养达成一致',
    nextSteps: '起草调解协议',
    judgeGuidance: { judgeName: '王法官', guidance: '释明离婚后子女抚养相关法律规定' },
  };

  it('divorce agreed: sessions and 笔录 hidden from clerks, law-aware routing, return then approve, court filing and follow-ups', async () => {
    const c = await inMediation();
    let v = c.version;
    const session = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
      scheduledAt: ahead(2),
      location: '百合调解室',
      mode: 'in_person',
      format: 'joint',
      version: v++,
    }).expect(201);
    // A second session at an overlapping time is allowed but warned about.
    const clash = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
      scheduledAt: ahead(2, 30),
      location: '妇女之家',
      mode: 'in_person',
      format: 'joint',
      version: v++,
    }).expect(201);
    expect(clash.body.warnings[0]).toContain(session.body.id);
    await send('mediatorx1', 'post', `/sessions/${clash.body.id}/cancel`, {
      reason: '时间冲突',
      version: v++,
    }).expect(200);
    await send('mediatorx1', 'post', `/sessions/${session.body.id}/record`, {
      ...record,
      version: v++,
    }).expect(200);
    const clerkView = (await get('clerka', `/cases/${c.id}/sessions`).expect(200)).body;
    expect(clerkView.find((s: { id: string }) => s.id === session.body.id)).toMatchObject({
      status: 'held',
      recorded: true,
      record: null,
    });
    expect(JSON.stringify((await get('clerka', `/cases/${c.id}`).expect(200)).body)).not.toContain(
      '要求孩子随我生活',
    );
    const mediatorView = (await get('mediatorx1', `/cases/${c.id}/sessions`).expect(200)).body;
    expect(
      mediatorView.find((s: { id: string }) => s.id === session.body.id).record.judgeGuidance
        .judgeName,
    ).toBe('王法官');

    const agreement = {
      effectiveAt: ahead(1),
      form: 'written',
      children: [
        {
          childId: c.children[0].id,
          custody: 'applicant',
          heard: true,
          support: {
            amount: '1500.00',
            frequency: 'monthly',
            method: 'bank_transfer',
            until: '2034-05-01',
          },
          visitation: '每月第一、三个周末',
        },
      ],
      property: [{ item: '胶西村宅基地房屋', to: 'applicant', value: '300000.00' }],
    };
    const illegal = await send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
      result: 'divorce_agreed',
      route: 'judicial_confirmation',
      agreement,
      version: v,
    }).expect(400);
    expect(illegal.body.errors[0]).toMatchObject({
      field: 'route',
      code: 'OUTCOME.ROUTE_NOT_ALLOWED',
      message: '离婚协议不能申请司法确认，应由人民法院出具民事调解书或至婚姻登记机关办理协议离婚',
    });
    const unheard = await send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
      result: 'divorce_agreed',
      route: 'court_mediation_document',
      agreement: { ...agreement, children: [{ ...agreement.children[0], heard: false }] },
      version: v,
    }).expect(400);
    expect(unheard.body.errors.map((e: { field: string }) => e.field)).toContain(
      'agreement.children.0.heard',
    );
    // The child by name, never by internal id.
    const heard = unheard.body.errors.find(
      (e: { field: string }) => e.field === 'agreement.children.0.heard',
    );
    expect(heard).toMatchObject({ code: 'OUTCOME.CHILD_NOT_HEARD' });
    expect(heard.message).toMatch(/子女李小某已满 \d+ 周岁$/);

    await send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
      result: 'divorce_agreed',
      route: 'court_mediation_document',
      agreement,
      version: v++,
    }).expect(204);
    await send('supervisorx', 'post', `/cases/${c.id}/review`, {
      decision: 'return',
      version: v,
    }).expect(400); // a return needs a comment
    await send('supervisorx', 'post', `/cases/${c.id}/review`, {
      decision: 'return',
      comment: '请补充履行期限',
      version: v++,
    }).expect(204);
    expect((await get('mediatorx1', `/cases/${c.id}`)).body.status).toBe('in_mediation');
    await send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
      result: 'divorce_agreed',
      route: 'court_mediation_document',
      agreement: { ...agreement, performance: '2026年12月31日前办理房屋过户' },
      version: v++,
    }).expect(204);
    await send('supervisorx', 'post', `/cases/${c.id}/review`, {
      decision: 'approve',
      version: v++,
    }).expect(204);

    const closed = (await get('clerka', `/cases/${c.id}`).expect(200)).body;
    expect(closed).toMatchObject({
      status: 'closed',
      result: 'divorce_agreed',
      route: 'court_mediation_document',
    });
    expect(closed.outcomes.map((o: { reviewDecision: string }) => o.reviewDecision)).toEqual([
      'returned',
      'approved',
    ]);
    expect(closed.followUps.map((f: { kind: string }) => f.kind)).toEqual([
      'settlement_30',
      'settlement_90',
    ]);

    await send('clerka', 'post', `/cases/${c.id}/judicial-confirmation`, {
      appliedAt: '2026-12-05T09:00:00+08:00',
      version: v,
    }).expect(409);
    await send('clerka', 'post', `/cases/${c.id}/court-filing`, {
      courtCaseNumber: '(2026)鲁0281民初1234号',
      filedAt: '2026-12-02T09:00:00+08:00',
      version: v++,
    }).expect(204);
    await send('mediatorx1', 'post', `/cases/${c.id}/follow-ups`, {
      followUpId: closed.followUps[0].id,
      visitedAt: justNow(),
      partyId: c.parties[0].id,
      performance: 'performed',
      satisfaction: 5,
      version: v,
    }).expect(204);
    const after = (await get('clerka', `/cases/${c.id}`)).body;
    expect(after.tracking.courtCaseNumber).toBe('(2026)鲁0281民初1234号');
    expect(after.followUps[0]).toMatchObject({ performance: 'performed', satisfaction: 5 });
    const texts = (await get('clerka', `/cases/${c.id}/timeline`)).body
      .map((e: { text: string }) => e.text)
      .join('\n');
    expect(texts).toContain('supervisorx（督导）退回了调解结果，要求修改');
    expect(texts).toContain('mediatorx1（调解员）记录了调解笔录');
  });

  it('shuttle screening refuses a joint session; ancillary agreement tracks judicial confirmation; DV case gets a 7-day visit', async () => {
    // A DV case goes to a DV-trained mediator only.
    await send('supervisorx', 'post', `/mediators/${world.users.mediatorX1}/trainings`, {
      title: '反家暴培训',
      heldOn: '2026-03-01',
      hours: 4,
      topics: ['domestic_violence'],
    }).expect(201);
    const c = await caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
      { disputeType: 'child_support' },
      async (created, version) => {
        // The applicant's screening finds threats and recommends shuttle mediation (背对背).
        await send('clerka', 'post', `/cases/${created.id}/screenings`, {
          partyId: created.parties[0].id,
          answers: { ...NO_DV, threats: true },
          recommendation: 'shuttle',
          version,
        }).expect(204);
        return 1;
      },
    );
    let v = c.version;
    const refused = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
      scheduledAt: ahead(3),
      location: '百合调解室',
      mode: 'in_person',
      format: 'joint',
      version: v,
    }).expect(409);
    expect(refused.body.code).toBe('SESSION.JOINT_NOT_ALLOWED');
    await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
      scheduledAt: ahead(3),
      location: '百合调解室',
      mode: 'in_person',
      format: 'shuttle',
      version: v++,
    }).expect(201);
    const agreement = {
      effectiveAt: ahead(1),
      form: 'written',
      children: [
        {
          childId: c.children[0].id,
          support: { amount: '1200', frequency: 'monthly', method: 'bank_transfer' },
        },
      ],
    };
    await send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
      result: 'ancillary_agreed',
      route: 'court_filing',
      agreement,
      version: v,
    }).expect(400);
    await send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
      result: 'ancillary_agreed',
      route: 'judicial_confirmation',
      agreement,
      version: v++,
    }).expect(204);
    await send('supervisorx', 'post', `/cases/${c.id}/review`, {
      decision: 'approve',
      version: v++,
    }).expect(204);
    await send('clerka', 'post', `/cases/${c.id}/judicial-confirmation`, {
      appliedAt: ahead(-10),
      acceptedAt: ahead(-9),
      decidedAt: ahead(-1),
      result: 'confirmed',
      rulingNumber: '(2026)鲁0281民特88号',
      version: v,
    }).expect(204);
    const detail = (await get('clerka', `/cases/${c.id}`)).body;
    expect(detail.tracking).toMatchObject({
      jcResult: 'confirmed',
      jcAcceptanceOverdue: false,
      jcDecisionOverdue: false,
    });
    expect(detail.followUps.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'dv_7',
      'settlement_30',
      'settlement_90',
    ]);
  });

  it('no agreement goes back to court; two supervisors approving at once leave exactly one winner', async () => {
    const c = await inMediation();
    let v = c.version;
    await send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
      result: 'no_agreement',
      route: 'court_filing',
      undisputedFacts: '双方均同意离婚',
      version: v++,
    }).expect(204);
    const [a, b] = await Promise.all([
      send('supervisorx', 'post', `/cases/${c.id}/review`, { decision: 'approve', version: v }),
      send('supervisorcity', 'post', `/cases/${c.id}/review`, { decision: 'approve', version: v }),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
    expect((await get('clerka', `/cases/${c.id}`)).body).toMatchObject({
      status: 'closed',
      result: 'no_agreement',
      route: 'court_filing',
    });
  });

  it('scope holds on every new route: other court, other mediator, other county supervisor get 404 and nothing changes', async () => {
    const c = await inMediation();
    const session = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
      scheduledAt: ahead(3),
      location: '百合调解室',
      mode: 'in_person',
      format: 'joint',
      version: c.version,
    }).expect(201);
    const before = JSON.stringify(await t.ds.query('SELECT * FROM cases'));
    const v = c.version + 1;
    await send('mediatorz1', 'post', `/cases/${c.id}/sessions`, {
      scheduledAt: ahead(4),
      location: 'x',
      mode: 'phone',
      format: 'joint',
      version: v,
    }).expect(404);
    await send('mediatorz1', 'post', `/sessions/${session.body.id}/record`, {
      ...record,
      version: v,
    }).expect(404);
    await send('mediatorz1', 'post', `/cases/${c.id}/outcome`, {
      result: 'no_agreement',
      route: 'court_filing',
      version: v,
    }).expect(404);
    await send('mediatorz1', 'post', `/cases/${c.id}/extensions`, {
      days: 5,
      reason: 'x',
      version: v,
    }).expect(404);
    await get('mediatorz1', `/cases/${c.id}/sessions`).expect(404);
    await get('clerkb', `/cases/${c.id}/sessions`).expect(404);
    await send('clerkb', 'post', `/cases/${c.id}/court-filing`, {
      courtCaseNumber: 'x',
      filedAt: '2026-12-02T09:00:00+08:00',
      version: v,
    }).expect(404);
    await get('clerkb', `/cases/${c.id}/mediator-suggestions`).expect(404);
    expect(JSON.stringify(await t.ds.query('SELECT * FROM cases'))).toBe(before);
  });
});
