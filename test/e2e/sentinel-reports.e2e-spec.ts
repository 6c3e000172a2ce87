import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import { shanghaiDateOf } from '../../src/common/time/shanghai.js';
import { addDays } from '../../src/modules/sentinel/sentinel-rules.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { seedSentinels, type Sentinels } from '../support/sentinels.js';
import { bearer, login, seedWorld, type World } from '../support/world.js';

const ID = '370281199007153629';
const PHONE = '13987654321';
const NO_RISK = {
  physicalViolence: false,
  threats: false,
  coerciveControl: false,
  fearOfOtherParty: false,
  childrenAtRisk: false,
  protectionOrderInForce: false,
};
const HOUR_MS = 3_600_000;

/** 矛盾纠纷线索: who files and sees them, masking, the outcome's fields, DV review, replays. */
describe('sentinel reports (e2e)', () => {
  let t: TestApp;
  let world: World;
  let sentinels: Sentinels;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    sentinels = await seedSentinels(t.app, world);
    for (const u of [
      'admin1',
      'clerka',
      'mediatorx1',
      'supervisorx',
      'supervisorcity',
      'sentinelx1',
      'sentinelz1',
    ])
      tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t?.close();
  });

  const body = (extra: object = {}) => ({
    villageId: world.regions.x1,
    disputeType: 'divorce',
    observed: '夫妻因彩礼返还争吵',
    parties: [
      { role: 'party', name: '张某某', gender: 'female', idNumber: ID, phone: PHONE },
      { role: 'other', name: '李某' },
    ],
    riskAnswers: NO_RISK,
    actionTaken: '上门劝解',
    outcome: 'to_mediation',
    ...extra,
  });
  const post = (user: string, b: object, key?: string) => {
    const req = t.http().post('/api/v1/sentinel-reports').set(bearer(tok[user]));
    return (key ? req.set('Idempotency-Key', key) : req).send(b);
  };
  const get = (user: string, path = '') =>
    t.http().get(`/api/v1/sentinel-reports${path}`).set(bearer(tok[user]));
  const ids = (res: { body: { items: { id: string }[] } }) =>
    res.body.items.map((i) => i.id).sort();
  const count = async (table: string): Promise<number> =>
    Number((await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('a sentinel files a report: masked parties, blind-indexed like case parties, audited without free text', async () => {
    const res = await post('sentinelx1', body()).expect(201);
    expect(res.body).toMatchObject({
      reporterId: sentinels.users.sentinelX1,
      organizationId: sentinels.points.homeX,
      villageId: world.regions.x1,
      status: 'open',
      riskLevel: 'medium',
      dvIndicator: false,
      reviewDueAt: null,
      reviewOverdue: false,
      caseId: null,
      review: null,
      version: 1,
    });
    expect(res.body.parties).toEqual([
      expect.objectContaining({
        role: 'party',
        name: '张某某',
        idNumberMasked: expect.stringMatching(/\*/),
        phoneMasked: expect.stringMatching(/\*/),
      }),
      expect.objectContaining({ role: 'other', idNumberMasked: null, phoneMasked: null }),
    ]);
    for (const read of [
      res,
      await get('sentinelx1', `/${res.body.id}`).expect(200),
      await get('sentinelx1'),
    ]) {
      expect(JSON.stringify(read.body)).not.toContain(ID);
      expect(JSON.stringify(read.body)).not.toContain(PHONE);
    }
    const cipher = t.app.get(FieldCipher);
    const [row] = await t.ds.query(
      `SELECT id_number_index, id_number_encrypted, phone_index FROM sentinel_report_parties WHERE position = 0`,
    );
    expect(row.id_number_index).toBe(cipher.blindIndex('id', ID));
    expect(row.phone_index).toBe(cipher.blindIndex('phone', PHONE));
    expect(row.id_number_encrypted).not.toContain(ID);
    const audit = await t.ds.query(
      `SELECT "before", "after" FROM audit_events WHERE action = 'sentinel_report.created'`,
    );
    expect(audit).toHaveLength(1);
    const text = JSON.stringify(audit);
    for (const secret of ['张某某', '彩礼', '上门劝解', ID, PHONE])
      expect(text).not.toContain(secret);
  });

  it('scope: her own only; another point 404; mediator her own and her organisation; supervisor her region; clerk and admin 403', async () => {
    const mine = (await post('sentinelx1', body()).expect(201)).body.id as string;
    const z = (await post('sentinelz1', body({ villageId: world.regions.z1 })).expect(201)).body
      .id as string;
    const byMediator = (await post('mediatorx1', body({ villageId: world.regions.x2 })).expect(201))
      .body.id as string;

    expect(ids(await get('sentinelx1').expect(200))).toEqual([mine]);
    await get('sentinelz1', `/${mine}`).expect(404);
    expect(ids(await get('sentinelz1').expect(200))).toEqual([z]);
    expect(ids(await get('mediatorx1').expect(200))).toEqual([byMediator]);
    await get('mediatorx1', `/${mine}`).expect(404);
    expect(ids(await get('supervisorx').expect(200))).toEqual([mine, byMediator].sort());
    const outside = await get('supervisorx', `/${z}`).expect(404);
    expect(outside.body.code).toBe('SENTINEL-REPORT.NOT_FOUND');
    expect(ids(await get('supervisorcity').expect(200))).toEqual([mine, z, byMediator].sort());
    for (const user of ['clerka', 'admin1']) {
      await get(user).expect(403);
      await get(user, `/${mine}`).expect(403);
      await post(user, body()).expect(403);
    }
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const today = shanghaiDateOf(new Date());
    const cases: [object, string[]][] = [
      [
        body({ outcome: 'resolved_on_spot' }),
        ['resolutionNote:SENTINEL-REPORT.FIELD_REQUIRED_BY_OUTCOME'],
      ],
      [body({ outcome: 'watched' }), ['followUpOn:SENTINEL-REPORT.FIELD_REQUIRED_BY_OUTCOME']],
      [
        body({ outcome: 'watched', followUpOn: addDays(today, 91) }),
        ['followUpOn:SENTINEL-REPORT.FOLLOW_UP_OUT_OF_RANGE'],
      ],
      [
        body({ outcome: 'to_court', resolutionNote: '和好' }),
        ['resolutionNote:SENTINEL-REPORT.FIELD_NOT_FOR_OUTCOME'],
      ],
      [
        body({ parties: [{ role: 'party', name: '张某某', idNumber: '370281199007153620' }] }),
        ['parties.0.idNumber:ID_NUMBER.CHECKSUM'],
      ],
      [
        body({ parties: [{ role: 'party', name: '张某某', gender: 'male', idNumber: ID }] }),
        ['parties.0.gender:SENTINEL-REPORT.PARTY_GENDER_MISMATCH'],
      ],
      // X2 lies in the point's township but is not among its watched villages.
      [body({ villageId: world.regions.x2 }), ['villageId:SENTINEL-REPORT.VILLAGE_OUTSIDE_POINT']],
      [
        body({ villageId: world.regions.townX }),
        ['villageId:SENTINEL-REPORT.VILLAGE_OUTSIDE_POINT'],
      ],
      [body({ observed: 'x'.repeat(2001) }), ['observed:VALIDATION.MAX_LENGTH']],
    ];
    for (const [b, expected] of cases) {
      const res = await post('sentinelx1', b, 'bad-input-key-1').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(
        res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
      ).toEqual(expected);
    }
    expect(await count('sentinel_reports')).toBe(0);
    expect(await count('sentinel_report_parties')).toBe(0);
    expect(await count('idempotency_keys')).toBe(0);
    // The outcomes' fields given right are accepted.
    await post(
      'sentinelx1',
      body({ outcome: 'resolved_on_spot', resolutionNote: '双方和好' }),
    ).expect(201);
    await post('sentinelx1', body({ outcome: 'watched', followUpOn: addDays(today, 90) })).expect(
      201,
    );
  });

  it('a DV sign awaits a supervisor review due 24 h later; overdue filter; the review clears it', async () => {
    const dv = await post(
      'sentinelx1',
      body({ riskAnswers: { ...NO_RISK, childrenAtRisk: true } }),
    ).expect(201);
    const plain = (await post('sentinelx1', body()).expect(201)).body.id as string;
    expect(dv.body).toMatchObject({
      status: 'awaiting_review',
      riskLevel: 'high',
      dvIndicator: true,
    });
    expect(Date.parse(dv.body.reviewDueAt) - Date.parse(dv.body.reportedAt)).toBe(24 * HOUR_MS);
    expect(ids(await get('supervisorx', '?awaitingReview=true').expect(200))).toEqual([dv.body.id]);
    expect(ids(await get('supervisorx', '?awaitingReview=false').expect(200))).toEqual([plain]);
    expect(ids(await get('supervisorx', '?reviewOverdue=true').expect(200))).toEqual([]);
    await t.ds.query(
      `UPDATE sentinel_reports SET reported_at = reported_at - interval '25 hours', review_due_at = review_due_at - interval '25 hours' WHERE id = $1`,
      [dv.body.id],
    );
    const overdue = await get('supervisorx', '?reviewOverdue=true').expect(200);
    expect(ids(overdue)).toEqual([dv.body.id]);
    expect(overdue.body.items[0].reviewOverdue).toBe(true);

    const review = (user: string, b: object) =>
      t.http().post(`/api/v1/sentinel-reports/${dv.body.id}/review`).set(bearer(tok[user])).send(b);
    const decision = { decision: 'confirmed', note: '已电话核实', version: 1 };
    await review('sentinelx1', decision).expect(403);
    await review('mediatorx1', decision).expect(403);
    await review('clerka', decision).expect(403);
    await t
      .http()
      .post(`/api/v1/sentinel-reports/${dv.body.id}/review`)
      .set(bearer(tok.supervisorx))
      .send({ decision: 'maybe', note: 'x', version: 1 })
      .expect(400);
    const z = (await post('sentinelz1', body({ villageId: world.regions.z1 })).expect(201)).body.id;
    await t
      .http()
      .post(`/api/v1/sentinel-reports/${z}/review`)
      .set(bearer(tok.supervisorx))
      .send(decision)
      .expect(404);
    const stale = await review('supervisorx', { ...decision, version: 2 }).expect(409);
    expect(stale.body.code).toBe('SENTINEL-REPORT.VERSION_CONFLICT');
    await review('supervisorx', { decision: 'confirmed', note: '已电话核实' }).expect(400);
    const done = await t
      .http()
      .post(`/api/v1/sentinel-reports/${dv.body.id}/review`)
      .set(bearer(tok.supervisorx))
      .set('If-Match', '"1"')
      .send({ decision: 'confirmed', note: '已电话核实' })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'open',
      reviewOverdue: false,
      version: 2,
      review: { decision: 'confirmed', note: '已电话核实', reviewedBy: world.users.supervisorX },
    });
    expect(ids(await get('supervisorx', '?awaitingReview=true').expect(200))).toEqual([]);
    expect(ids(await get('supervisorx', '?reviewOverdue=true').expect(200))).toEqual([]);
    const again = await review('supervisorx', { ...decision, version: 2 }).expect(409);
    expect(again.body.code).toBe('SENTINEL-REPORT.ALREADY_REVIEWED');
    const escalated = (
      await post('sentinelx1', body({ riskAnswers: { ...NO_RISK, threats: true } })).expect(201)
    ).body.id;
    const handed = await t
      .http()
      .post(`/api/v1/sentinel-reports/${escalated}/review`)
      .set(bearer(tok.supervisorcity))
      .send({ decision: 'escalated_to_police', note: '移交派出所', version: 1 })
      .expect(200);
    expect(handed.body.status).toBe('closed');
    const audit = await t.ds.query(
      `SELECT "after" FROM audit_events WHERE action = 'sentinel_report.reviewed'`,
    );
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('已电话核实');
  });

  it('an Idempotency-Key replay answers the first response and writes one report', async () => {
    const first = await post('sentinelx1', body(), 'outbox-report-0001').expect(201);
    const again = await post('sentinelx1', body(), 'outbox-report-0001').expect(201);
    expect(again.body).toEqual(first.body);
    expect(await count('sentinel_reports')).toBe(1);
    expect(await count('sentinel_report_parties')).toBe(2);
    const reused = await post(
      'sentinelx1',
      body({ observed: '另一件事' }),
      'outbox-report-0001',
    ).expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    await post('sentinelx1', body(), 'bad key!').expect(400);
    expect(await count('sentinel_reports')).toBe(1);
  });
});
