import { createTestApp, TestApp } from '../support/app.js';
import { caseInMediation } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
/** Today's Shanghai calendar day plus `n` days, at `time` Beijing time. */
const shanghaiDay = (n: number, time = '09:00:00'): string =>
  `${new Date(Date.now() + SHANGHAI + n * DAY).toISOString().slice(0, 10)}T${time}+08:00`;

interface Refusal {
  field: string;
  code: string;
}

/**
 * The dates a clerk records after closure (立案, 司法确认): none after today on the Asia/Shanghai
 * calendar, a ruling with its acceptance, a result with its ruling's date, the steps in order.
 * Each refusal is 400 problem+json naming the field, and nothing is written.
 */
describe('after-closure dates (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1']) tok[u] = (await login(t, u)).access;
    // One case per test: more than her default caseload.
    await t.ds.query(
      `INSERT INTO mediator_profiles (user_id, organization_id, max_active_cases) VALUES ($1, $2, 50)`,
      [world.users.mediatorX1, world.orgs.x],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (user: string, path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const caseRow = async (id: string): Promise<{ version: number }> =>
    (await t.ds.query('SELECT version FROM cases WHERE id = $1', [id]))[0];
  const tracking = async (id: string): Promise<Record<string, unknown> | undefined> =>
    (await t.ds.query('SELECT * FROM case_tracking WHERE case_id = $1', [id]))[0];
  const audits = async (id: string): Promise<number> =>
    Number(
      (await t.ds.query('SELECT count(*) AS n FROM audit_events WHERE case_id = $1', [id]))[0].n,
    );

  /** A case closed on `route`; returns its id and version. */
  async function closed(route: 'court_filing' | 'judicial_confirmation') {
    const c = await caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
    );
    let v = c.version;
    const outcome =
      route === 'court_filing'
        ? { result: 'no_agreement', route, undisputedFacts: '双方均同意离婚' }
        : {
            result: 'ancillary_agreed',
            route,
            agreement: {
              effectiveAt: new Date(Date.now() + 60_000).toISOString(),
              form: 'written',
              children: [
                {
                  childId: c.children[0].id,
                  support: { amount: '1200', frequency: 'monthly', method: 'bank_transfer' },
                },
              ],
            },
          };
    await send('mediatorx1', `/cases/${c.id}/outcome`, { ...outcome, version: v++ }).expect(204);
    await send('supervisorx', `/cases/${c.id}/review`, {
      decision: 'approve',
      version: v++,
    }).expect(204);
    return { id: c.id, version: v };
  }

  /** 400 VALIDATION.FAILED with exactly these field errors; version, tracking and audit unchanged. */
  async function refused(
    c: { id: string; version: number },
    path: string,
    body: object,
    errors: Refusal[],
  ): Promise<{ errors: (Refusal & { message: string })[] }> {
    const [before, trackedBefore, auditedBefore] = [
      await caseRow(c.id),
      await tracking(c.id),
      await audits(c.id),
    ];
    const res = await send('clerka', `/cases/${c.id}${path}`, { ...body, version: c.version });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.errors.map((e: Refusal) => ({ field: e.field, code: e.code }))).toEqual(errors);
    expect(await caseRow(c.id)).toEqual(before);
    expect(await tracking(c.id)).toEqual(trackedBefore);
    expect(await audits(c.id)).toBe(auditedBefore);
    return res.body;
  }

  it('立案: a filing date after today (Shanghai) is refused naming filedAt; today, late in the day, is taken', async () => {
    const c = await closed('court_filing');
    const body = { courtCaseNumber: '（2026）鲁0281民初1234号' };
    const tomorrow = await refused(
      c,
      '/court-filing',
      { ...body, filedAt: shanghaiDay(1, '00:00:00') },
      [{ field: 'filedAt', code: 'DATE.IN_FUTURE' }],
    );
    expect(tomorrow.errors[0].message).toMatch(/^日期不能晚于今天（\d{4}-\d{2}-\d{2}）$/);
    await refused(c, '/court-filing', { ...body, filedAt: shanghaiDay(30) }, [
      { field: 'filedAt', code: 'DATE.IN_FUTURE' },
    ]);
    expect(await tracking(c.id)).toBeUndefined();

    // The last minute of today's Shanghai day is still today.
    await send('clerka', `/cases/${c.id}/court-filing`, {
      ...body,
      filedAt: shanghaiDay(0, '23:59:00'),
      version: c.version,
    }).expect(204);
    expect((await caseRow(c.id)).version).toBe(c.version + 1);
  });

  it('司法确认: future dates, a ruling without acceptance, a result without its date, steps out of order are refused; nothing written', async () => {
    const c = await closed('judicial_confirmation');
    const path = '/judicial-confirmation';
    // Every date is checked, each named.
    await refused(c, path, { appliedAt: shanghaiDay(1) }, [
      { field: 'appliedAt', code: 'DATE.IN_FUTURE' },
    ]);
    await refused(c, path, { appliedAt: shanghaiDay(-3), acceptedAt: shanghaiDay(2) }, [
      { field: 'acceptedAt', code: 'DATE.IN_FUTURE' },
    ]);
    await refused(
      c,
      path,
      {
        appliedAt: shanghaiDay(-3),
        acceptedAt: shanghaiDay(-2),
        decidedAt: shanghaiDay(5),
        result: 'confirmed',
      },
      [{ field: 'decidedAt', code: 'DATE.IN_FUTURE' }],
    );
    // A ruling's date without the acceptance before it.
    const noAcceptance = await refused(
      c,
      path,
      { appliedAt: shanghaiDay(-3), decidedAt: shanghaiDay(-1) },
      [{ field: 'acceptedAt', code: 'VALIDATION.IS_DEFINED' }],
    );
    expect(noAcceptance.errors[0].message).toBe('必填');
    // A result without its ruling's date.
    await refused(
      c,
      path,
      { appliedAt: shanghaiDay(-3), acceptedAt: shanghaiDay(-2), result: 'confirmed' },
      [{ field: 'decidedAt', code: 'VALIDATION.IS_DEFINED' }],
    );
    // Out of order: the later step that comes too early is named.
    await refused(c, path, { appliedAt: shanghaiDay(-2), acceptedAt: shanghaiDay(-3) }, [
      { field: 'acceptedAt', code: 'JUDICIAL_CONFIRMATION.DATES_ORDER' },
    ]);
    await refused(
      c,
      path,
      { appliedAt: shanghaiDay(-3), acceptedAt: shanghaiDay(-1), decidedAt: shanghaiDay(-2) },
      [{ field: 'decidedAt', code: 'JUDICIAL_CONFIRMATION.DATES_ORDER' }],
    );
    expect(await tracking(c.id)).toBeUndefined();

    // In order and none after today (the ruling today): recorded.
    await send('clerka', `/cases/${c.id}${path}`, {
      appliedAt: shanghaiDay(-3),
      acceptedAt: shanghaiDay(-2),
      decidedAt: shanghaiDay(0, '00:00:00'),
      result: 'confirmed',
      rulingNumber: '（2026）鲁0281民特12号',
      version: c.version,
    }).expect(204);
    expect(await tracking(c.id)).toMatchObject({ jc_result: 'confirmed' });
    expect((await caseRow(c.id)).version).toBe(c.version + 1);
  });
});
