import { createTestApp, TestApp } from '../support/app.js';
import {
  APPLICANT_ID,
  APPLICANT_PHONE,
  caseBody,
  caseInMediation,
  consentAndScreen,
  createCase,
  CreatedCase,
  NO_DV,
  RESPONDENT_ID,
} from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';
import type { AuthUser } from '../../src/common/context/request-context.js';
import { ScopeService } from '../../src/common/scope/scope.service.js';
import { listCases } from '../../src/modules/cases/case-list.js';
import { nextCaseSequence } from '../../src/modules/cases/intake/case-numbering.js';
import { ListCasesQuery } from '../../src/modules/cases/dto/list-cases.query.js';

describe('cases: referral, parties, consent, screening (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'supervisorcity', 'mediatorx1', 'admin1']) {
      tok[u] = (await login(t, u)).access;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const post = (user: string, path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const count = async (table: string): Promise<number> =>
    Number((await t.ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('records a referral with a court number, masked parties, and nothing sensitive in clear at rest', async () => {
    const res = await post(
      'clerka',
      '/cases',
      caseBody(world.regions.x1, { courtReference: '（2026）鲁0281民诉前123号' }),
    ).expect(201);
    expect(res.body).toMatchObject({
      caseNumber: '（2026）鲁0281民诉前调1号',
      courtReference: '（2026）鲁0281民诉前123号',
      status: 'received',
      version: 1,
      courtId: world.courts.a,
      dvFlag: false,
      daysLeft: null,
      partyNames: ['张某某', '李某某'],
    });
    const applicant = res.body.parties.find((p: { role: string }) => p.role === 'applicant');
    expect(applicant).toMatchObject({
      idNumber: `370281${'*'.repeat(8)}${APPLICANT_ID.slice(-4)}`,
      phone: '138****0001',
      hasAddress: true,
      birthDate: '1990-03-15',
    });
    expect(JSON.stringify(res.body)).not.toContain(APPLICANT_ID);
    expect(JSON.stringify(res.body)).not.toContain(APPLICANT_PHONE);
    expect(res.body.children).toHaveLength(1);
    // At rest: every column of every party row, and the audit trail, hold no ID number, phone or address in clear.
    const dump = JSON.stringify([
      await t.ds.query('SELECT * FROM parties'),
      await t.ds.query('SELECT * FROM audit_events'),
    ]);
    for (const secret of [APPLICANT_ID, RESPONDENT_ID, APPLICANT_PHONE, '胶西村12号'])
      expect(dump).not.toContain(secret);
  });

  it('refuses bad referrals naming the field, and persists nothing', async () => {
    const noRespondent = caseBody(world.regions.x1);
    noRespondent.parties = [(noRespondent.parties as object[])[0]];
    const cases: [Record<string, unknown>, string][] = [
      [noRespondent, 'parties'],
      [caseBody(world.regions.z1), 'regionId'], // a village of the other county
      [caseBody(world.regions.townX), 'regionId'], // not a village
      [
        caseBody(world.regions.x1, {
          parties: [
            { ...(caseBody('x').parties as object[])[0], birthDate: '1991-01-01' },
            (caseBody('x').parties as object[])[1],
          ],
        }),
        'parties.0.birthDate',
      ],
      [
        caseBody(world.regions.x1, {
          parties: [
            { ...(caseBody('x').parties as object[])[0], gender: 'male' },
            (caseBody('x').parties as object[])[1],
          ],
        }),
        'parties.0.gender',
      ],
      [
        caseBody(world.regions.x1, {
          parties: [
            {
              ...(caseBody('x').parties as object[])[0],
              idNumber: APPLICANT_ID.slice(0, 17) + 'Y',
            },
            (caseBody('x').parties as object[])[1],
          ],
        }),
        'parties.0.idNumber',
      ],
      [caseBody(world.regions.x1, { mediationKind: 'arbitration' }), 'mediationKind'],
    ];
    for (const [body, field] of cases) {
      const res = await post('clerka', '/cases', body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await count('cases')).toBe(0);
    expect(await count('parties')).toBe(0);
  });

  it('refuses server-owned fields in create and update bodies (mass assignment)', async () => {
    for (const extra of [
      { status: 'closed' },
      { mediatorId: world.users.mediatorX1 },
      { courtId: world.courts.b },
      { deadlineAt: '2027-01-01T00:00:00Z' },
      { version: 9 },
      { caseNumber: 'X' },
    ]) {
      const res = await post('clerka', '/cases', caseBody(world.regions.x1, extra)).expect(400);
      expect(res.body.errors[0].field).toBe(Object.keys(extra)[0]);
    }
    const proto = JSON.stringify(caseBody(world.regions.x1)).replace(
      /^\{/,
      '{"__proto__":{"status":"closed"},',
    );
    await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(tok.clerka))
      .set('Content-Type', 'application/json')
      .send(proto)
      .expect(400);
    expect(await count('cases')).toBe(0);
    const c = await createCase(t, tok.clerka, world.regions.x1);
    for (const extra of [
      { status: 'closed' },
      { mediatorId: world.users.mediatorX1 },
      { dvFlag: true },
    ]) {
      await t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set(bearer(tok.clerka))
        .send({ version: 1, summary: 'x', ...extra })
        .expect(400);
    }
    const [row] = await t.ds.query('SELECT status, version, summary FROM cases WHERE id = $1', [
      c.id,
    ]);
    expect(row).toMatchObject({ status: 'received', version: 1 });
  });

  it('numbers 20 concurrent referrals of one court 1..20 with no gap or duplicate, per court and type', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post('clerka', '/cases', caseBody(world.regions.x1))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.caseNumber as string);
    expect(numbers.every((n) => /^（2026）鲁0281民诉前调\d+号$/.test(n))).toBe(true);
    expect(numbers.map((n) => Number(/(\d+)号$/.exec(n)?.[1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    // Another court, and another type in the same court, count on their own.
    const other = await post('clerkb', '/cases', caseBody(world.regions.z1)).expect(201);
    expect(other.body.caseNumber).toBe('（2026）鲁0282民诉前调1号');
    const entrusted = await post(
      'clerka',
      '/cases',
      caseBody(world.regions.x1, { mediationKind: 'entrusted' }),
    ).expect(201);
    expect(entrusted.body.caseNumber).toBe('（2026）鲁0281民诉中调1号');
  });

  it('gives no number to a rejected referral, nor to one rolled back after taking its number', async () => {
    await post('clerka', '/cases', caseBody(world.regions.x1, { courtReference: 'R-1' })).expect(
      201,
    );
    // Refused before and after the court is known: a bad village, a taken court number.
    await post('clerka', '/cases', caseBody(world.regions.z1)).expect(400);
    await post('clerka', '/cases', caseBody(world.regions.x1, { courtReference: 'R-1' })).expect(
      409,
    );
    // A creation that fails after numbering rolls its number back with it.
    await expect(
      t.ds.transaction(async (manager) => {
        expect(await nextCaseSequence(manager, world.courts.a, '民诉前调', 2026)).toBe(2);
        throw new Error('the insert failed');
      }),
    ).rejects.toThrow('the insert failed');
    const next = await post('clerka', '/cases', caseBody(world.regions.x1)).expect(201);
    expect(next.body.caseNumber).toBe('（2026）鲁0281民诉前调2号');
    expect(await count('cases')).toBe(2);
  });

  it('honours Idempotency-Key: 10 simultaneous retries make one case; another body with the key is 409', async () => {
    const send = (body: object) =>
      t
        .http()
        .post('/api/v1/cases')
        .set(bearer(tok.clerka))
        .set('Idempotency-Key', 'referral-2026-0001')
        .send(body);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => send(caseBody(world.regions.x1))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await count('cases')).toBe(1);
    const other = await send(caseBody(world.regions.x1, { summary: '另一案' })).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    // The court's own number is unique per court too.
    await post('clerka', '/cases', caseBody(world.regions.x1, { courtReference: 'R-1' })).expect(
      201,
    );
    expect(
      (
        await post(
          'clerka',
          '/cases',
          caseBody(world.regions.x1, { courtReference: 'R-1' }),
        ).expect(409)
      ).body.code,
    ).toBe('CASE.DUPLICATE_COURT_REFERENCE');
  });

  it('a refusal of consent closes the case for court filing', async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    await post('clerka', `/cases/${c.id}/consents`, {
      partyId: c.parties[1].id,
      decision: 'refused',
      method: 'phone',
      recordedAt: '2026-11-03T10:00:00+08:00',
      version: 1,
    }).expect(204);
    const detail = (await get('clerka', `/cases/${c.id}`).expect(200)).body;
    expect(detail).toMatchObject({
      status: 'closed',
      result: 'refused',
      route: 'court_filing',
      version: 2,
    });
    expect(detail.consents).toMatchObject([
      { partyId: c.parties[1].id, decision: 'refused', method: 'phone' },
    ]);
    const refer = await post('clerka', `/cases/${c.id}/refer`, { version: 2 }).expect(409);
    expect(refer.body).toMatchObject({ code: 'CASE.INVALID_TRANSITION' });
    expect(refer.body.detail).toBe('案件状态为“已结案”，不能委派调解');
  });

  it('screening: a DV indicator flags the case and records the protection-order clock; not_suitable closes it', async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    await post('clerka', `/cases/${c.id}/screenings`, {
      partyId: c.parties[0].id,
      answers: { ...NO_DV, threats: true, fearOfOtherParty: true },
      recommendation: 'shuttle',
      notes: '对方曾多次威胁',
      protectionOrderReferral: { urgent: true, referredAt: '2026-11-03T10:00:00+08:00' },
      version: 1,
    }).expect(204);
    const detail = (await get('clerka', `/cases/${c.id}`).expect(200)).body;
    expect(detail.dvFlag).toBe(true);
    expect(detail.screenings[0]).toMatchObject({
      recommendation: 'shuttle',
      dvIndicator: true,
      notes: '对方曾多次威胁',
      protectionOrderReferral: { urgent: true, rulingDueAt: '2026-11-04T02:00:00.000Z' },
    });
    // DV details are not in the audit trail nor in clear at rest, nor in list responses.
    const rest = JSON.stringify([
      await t.ds.query('SELECT * FROM case_screenings'),
      await t.ds.query('SELECT * FROM audit_events'),
    ]);
    expect(rest).not.toContain('对方曾多次威胁');
    const list = (await get('clerka', '/cases').expect(200)).body;
    expect(list.items[0]).not.toHaveProperty('screenings');
    expect(list.items[0]).not.toHaveProperty('children');
    expect(list.items[0].dvFlag).toBe(true);

    await post('clerka', `/cases/${c.id}/screenings`, {
      partyId: c.parties[1].id,
      answers: NO_DV,
      recommendation: 'not_suitable',
      version: 2,
    }).expect(204);
    expect((await get('clerka', `/cases/${c.id}`)).body).toMatchObject({
      status: 'closed',
      result: 'unsuitable',
      route: 'court_filing',
    });
  });

  it('refers only when every party consented and was screened', async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    const early = await post('clerka', `/cases/${c.id}/refer`, { version: 1 }).expect(409);
    expect(early.body.code).toBe('CASE.REFERRAL_PRECONDITIONS');
    // The parties by name, never by id.
    expect(early.body.detail).toBe(
      '尚不能委派调解：张某某、李某某尚未同意调解；张某某、李某某尚未完成风险筛查',
    );
    const version = await consentAndScreen(t, tok.clerka, c);
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/refer`)
      .set(bearer(tok.clerka))
      .set('If-Match', `"${version}"`)
      .send({})
      .expect(204);
    expect((await get('clerka', `/cases/${c.id}`)).body).toMatchObject({
      status: 'referred',
      version: version + 1,
    });
    const timeline = (await get('clerka', `/cases/${c.id}/timeline`).expect(200)).body as {
      text: string;
    }[];
    expect(timeline[0].text).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} clerka（法院立案人员）登记了案件$/,
    );
    expect(timeline[timeline.length - 1].text).toMatch(/委派了调解$/);
    const english = (
      await get('clerka', `/cases/${c.id}/timeline`).set('Accept-Language', 'en').expect(200)
    ).body as { text: string }[];
    expect(english[0].text).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} clerka \(clerk\) recorded the referral$/,
    );
    expect(english[english.length - 1].text).toMatch(/referred the case for mediation$/);
  });

  it('50 concurrent writes with the same version: exactly one wins, 49 get 409, no lost update', async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set(bearer(tok.clerka))
          .set('If-Match', '1')
          .send({ summary: `版本${i}` }),
      ),
    );
    const codes = results.map((r) => r.status).sort();
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(49);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('CASE.VERSION_CONFLICT');
    const winner = results.find((r) => r.status === 200)?.body;
    const [row] = await t.ds.query('SELECT summary, version FROM cases WHERE id = $1', [c.id]);
    expect(row).toEqual({ summary: winner.summary, version: 2 });
    // A write without any version is refused, naming the field.
    const bare = await t
      .http()
      .patch(`/api/v1/cases/${c.id}`)
      .set(bearer(tok.clerka))
      .send({ summary: 'x' })
      .expect(400);
    expect(bare.body.errors[0].field).toBe('version');
  });

  it('a withdrawal and a referral racing: exactly one wins', async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    const version = await consentAndScreen(t, tok.clerka, c);
    const [a, b] = await Promise.all([
      post('clerka', `/cases/${c.id}/withdraw`, { reason: '申请人撤回', version }),
      post('clerka', `/cases/${c.id}/refer`, { version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
  });

  it('scope: other courts, townships and unassigned mediators get 404 on every case route and change nothing', async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    const before = JSON.stringify(await t.ds.query('SELECT * FROM cases'));
    for (const user of ['clerkb', 'mediatorx1']) {
      await get(user, `/cases/${c.id}`).expect(404);
      await get(user, `/cases/${c.id}/timeline`).expect(404);
      await post(user, `/cases/${c.id}/consents`, {
        partyId: c.parties[0].id,
        decision: 'refused',
        method: 'phone',
        recordedAt: '2026-11-03T10:00:00+08:00',
        version: 1,
      }).expect(404);
      await post(user, `/cases/${c.id}/withdraw`, { reason: 'x'.repeat(5), version: 1 }).expect(
        404,
      );
      await post(user, `/parties/${c.parties[0].id}/reveal`, {
        field: 'idNumber',
        reason: 'checking',
      }).expect(404);
    }
    await t
      .http()
      .patch(`/api/v1/cases/${c.id}`)
      .set(bearer(tok.clerkb))
      .send({ version: 1, summary: 'x' })
      .expect(404);
    expect(JSON.stringify(await t.ds.query('SELECT * FROM cases'))).toBe(before);
    // Supervisors see the cases located in their region only.
    await get('supervisorx', `/cases/${c.id}`).expect(200);
    await get('supervisorcity', `/cases/${c.id}`).expect(200);
    expect((await get('clerkb', '/cases').expect(200)).body.total).toBe(0);
    expect((await get('supervisorx', '/cases').expect(200)).body.total).toBe(1);
    await get('admin1', `/cases/${c.id}`).expect(403); // admins hold no case content
  });

  it('finds a case by full ID number or phone (in the body), within scope, and reveals to the court clerk only', async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    const found = (await post('clerka', '/cases/search', { idNumber: APPLICANT_ID }).expect(200))
      .body;
    expect(found.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(
      (await post('clerka', '/cases/search', { phone: APPLICANT_PHONE }).expect(200)).body,
    ).toHaveLength(1);
    expect(
      (await post('clerkb', '/cases/search', { idNumber: APPLICANT_ID }).expect(200)).body,
    ).toHaveLength(0);
    await post('clerka', '/cases/search', {}).expect(400);

    const applicant = c.parties.find((p) => p.role === 'applicant') as CreatedCase['parties'][0];
    const revealed = await post('clerka', `/parties/${applicant.id}/reveal`, {
      field: 'idNumber',
      reason: '制作调解文书核对身份',
    }).expect(200);
    expect(revealed.body).toEqual({ field: 'idNumber', value: APPLICANT_ID });
    expect(
      (
        await post('clerka', `/parties/${applicant.id}/reveal`, {
          field: 'address',
          reason: '送达地址核对',
        })
      ).body.value,
    ).toBe('胶西镇胶西村12号');
    await post('supervisorx', `/parties/${applicant.id}/reveal`, {
      field: 'idNumber',
      reason: 'just looking',
    }).expect(403);
    const [audit] = await t.ds.query(
      `SELECT after FROM audit_events WHERE action = 'party.revealed' ORDER BY id LIMIT 1`,
    );
    expect(audit.after).toEqual({ field: 'idNumber', reason: '制作调解文书核对身份' });
  });

  it('lists with filters, name search and an allowlisted sort', async () => {
    await createCase(t, tok.clerka, world.regions.x1);
    await createCase(t, tok.clerka, world.regions.y1, { disputeType: 'child_support' });
    const byType = (await get('clerka', '/cases?disputeType=child_support').expect(200)).body;
    expect(byType.total).toBe(1);
    expect(
      (await get('clerka', `/cases?regionId=${world.regions.townX}`).expect(200)).body.total,
    ).toBe(1);
    expect(
      (await get('clerka', `/cases?q=${encodeURIComponent('张某')}`).expect(200)).body.total,
    ).toBe(2);
    expect(
      (await get('clerka', `/cases?q=${encodeURIComponent('民诉前调2号')}`).expect(200)).body.total,
    ).toBe(1);
    const sorted = (await get('clerka', '/cases?sort=caseNumber').expect(200)).body.items.map(
      (i: { caseNumber: string }) => i.caseNumber,
    );
    expect(sorted).toEqual(['（2026）鲁0281民诉前调1号', '（2026）鲁0281民诉前调2号']);
    await get('clerka', '/cases?sort=summary').expect(400);
    await get('clerka', '/cases?status=lost').expect(400);
  });

  it('searches names within each role’s scope, on the copies of court and path each party keeps', async () => {
    const inX = await caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
    );
    const inY = await createCase(t, tok.clerka, world.regions.y1);
    const inZ = await createCase(t, tok.clerkb, world.regions.z1);
    const ids = async (user: string, query = ''): Promise<string[]> =>
      (await get(user, `/cases?q=${encodeURIComponent('张某')}${query}`).expect(200)).body.items
        .map((i: { id: string }) => i.id)
        .sort();
    expect(await ids('clerka')).toEqual([inX.id, inY.id].sort());
    expect(await ids('clerkb')).toEqual([inZ.id]);
    expect(await ids('supervisorx')).toEqual([inX.id]);
    expect(await ids('supervisorcity')).toEqual([inX.id, inY.id, inZ.id].sort());
    expect(await ids('supervisorcity', `&regionId=${world.regions.townY}`)).toEqual([inY.id]);
    expect(await ids('mediatorx1')).toEqual([inX.id]);
    await get('admin1', `/cases?q=${encodeURIComponent('张某')}`).expect(403);

    // The trigger, not the service, keeps the copies: a party cannot be given another scope,
    // and a case that moves takes its parties along.
    const scopes = async (caseId: string) =>
      t.ds.query(
        `SELECT DISTINCT p.court_id = c.court_id AND p.region_path = c.region_path AS same
           FROM parties p JOIN cases c ON c.id = p.case_id WHERE p.case_id = $1`,
        [caseId],
      );
    expect(await scopes(inX.id)).toEqual([{ same: true }]);
    await t.ds.query(`UPDATE parties SET court_id = $1, region_path = 'x.' WHERE case_id = $2`, [
      world.courts.b,
      inX.id,
    ]);
    expect(await scopes(inX.id)).toEqual([{ same: true }]);
    await t.ds.query(
      `UPDATE cases SET region_id = $1, region_path = (SELECT path FROM regions WHERE id = $1)
        WHERE id = $2`,
      [world.regions.x2, inY.id],
    );
    expect(await scopes(inY.id)).toEqual([{ same: true }]);
    expect(await ids('supervisorx')).toEqual([inX.id, inY.id].sort());
  });

  it('pages with a count from the same statement, capped past the limit unless asked for exactly', async () => {
    for (let i = 0; i < 3; i++) await createCase(t, tok.clerka, world.regions.x1);
    const pages = [];
    for (const page of [1, 2, 3, 4]) {
      pages.push((await get('clerka', `/cases?pageSize=1&page=${page}&sort=caseNumber`)).body);
    }
    expect(pages.map((p) => [p.total, p.totalExact, p.items.length])).toEqual([
      [3, true, 1],
      [3, true, 1],
      [3, true, 1],
      [3, true, 0],
    ]);
    expect(pages.map((p) => p.items[0]?.caseNumber)).toEqual([
      '（2026）鲁0281民诉前调1号',
      '（2026）鲁0281民诉前调2号',
      '（2026）鲁0281民诉前调3号',
      undefined,
    ]);
    // Applicant first, and nothing a summary must not carry.
    expect(pages[0].items[0].partyNames).toEqual(['张某某', '李某某']);
    expect(Object.keys(pages[0].items[0])).not.toEqual(expect.arrayContaining(['summary']));
    expect(pages[0].items[0]).not.toHaveProperty('claims');
    expect(pages[0].items[0]).not.toHaveProperty('children');

    const [city] = await t.ds.query(`SELECT path FROM regions WHERE id = $1`, [world.regions.city]);
    const supervisor: AuthUser = {
      id: world.users.supervisorCity,
      username: 'supervisorcity',
      displayName: 'supervisor',
      role: 'supervisor',
      courtId: null,
      regionId: world.regions.city,
      organizationId: null,
      scopePath: city.path,
      sessionId: 'test',
    };
    const query = (params: object) => Object.assign(new ListCasesQuery(), params);
    const list = (params: object) =>
      listCases(t.ds, t.app.get(ScopeService), supervisor, query(params), new Date(), 2);
    expect(await list({})).toMatchObject({ total: 2, totalExact: false });
    expect((await list({})).items).toHaveLength(3);
    expect(await list({ exactTotal: true })).toMatchObject({ total: 3, totalExact: true });
    expect(await list({ page: 9, pageSize: 1 })).toMatchObject({ total: 2, totalExact: false });
    expect(await list({ disputeType: 'custody' })).toMatchObject({ total: 0, totalExact: true });
    expect((await get('clerka', '/cases?exactTotal=maybe').expect(400)).body.errors[0].field).toBe(
      'exactTotal',
    );
  });
});
