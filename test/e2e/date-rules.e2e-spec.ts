import { createTestApp, TestApp } from '../support/app.js';
import { caseInMediation, createCase } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

const MIN = 60_000;
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Dates that contradict the case's clock: 400 naming the field, and nothing written. */
describe('date rules (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1']) tok[u] = (await login(t, u)).access;
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
  const send = (user: string, method: 'post' | 'patch', path: string, body: object) =>
    t.http()[method](`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const count = async (table: string, caseId: string): Promise<number> =>
    Number(
      (await t.ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId]))[0]
        .n,
    );
  const caseRow = async (id: string) =>
    (await t.ds.query('SELECT * FROM cases WHERE id = $1', [id]))[0];

  /** The refusal: 400 VALIDATION.FAILED naming `field`, the case's version and the table's rows unchanged. */
  async function refused(
    res: Promise<{
      status: number;
      body: Record<string, unknown>;
      headers: Record<string, string>;
    }>,
    field: string,
    caseId: string,
    table: string,
  ): Promise<void> {
    const versionBefore = (await caseRow(caseId)).version;
    const rowsBefore = await count(table, caseId);
    const r = await res;
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.code).toBe('VALIDATION.FAILED');
    expect((r.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect((await caseRow(caseId)).version).toBe(versionBefore);
    expect(await count(table, caseId)).toBe(rowsBefore);
  }

  const session = (scheduledAt: string, version: number) => ({
    scheduledAt,
    location: '百合调解室',
    mode: 'in_person',
    format: 'joint',
    version,
  });
  const record = (startedAt: string, endedAt: string, version: number) => ({
    startedAt,
    endedAt,
    attendees: [{ name: '张某某', role: 'applicant' }],
    noteTaker: '王书记员',
    matters: '抚养费',
    statements: [],
    result: '继续调解',
    version,
  });

  it('a session cannot be scheduled or moved before acceptance or after the deadline', async () => {
    const c = await inMediation();
    const row = await caseRow(c.id);
    const accepted = new Date(row.accepted_at).getTime();
    const deadline = new Date(row.deadline_at).getTime();
    await refused(
      send(
        'mediatorx1',
        'post',
        `/cases/${c.id}/sessions`,
        session(iso(accepted - DAY), c.version),
      ),
      'scheduledAt',
      c.id,
      'case_sessions',
    );
    await refused(
      send('mediatorx1', 'post', `/cases/${c.id}/sessions`, session(iso(deadline + 1), c.version)),
      'scheduledAt',
      c.id,
      'case_sessions',
    );
    // The deadline itself is still in time.
    const s = (
      await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, session(iso(deadline), c.version))
    ).body;
    expect(s.scheduledAt).toBe(iso(deadline));
    const moved = send('mediatorx1', 'patch', `/sessions/${s.id}`, {
      scheduledAt: iso(accepted - MIN),
      version: c.version + 1,
    });
    await refused(moved, 'scheduledAt', c.id, 'case_sessions');
    const stored = await t.ds.query('SELECT scheduled_at FROM case_sessions WHERE id = $1', [s.id]);
    expect(new Date(stored[0].scheduled_at).toISOString()).toBe(iso(deadline));
  });

  it('a 笔录 cannot start in the future or before acceptance, nor end before it starts; held earlier than planned, the session takes the held time', async () => {
    const c = await inMediation();
    const accepted = new Date((await caseRow(c.id)).accepted_at).getTime();
    const planned = iso(Date.now() + 2 * DAY);
    const s = (
      await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, session(planned, c.version))
    ).body;
    const v = c.version + 1;
    const held = async (): Promise<boolean> =>
      (await t.ds.query('SELECT status FROM case_sessions WHERE id = $1', [s.id]))[0].status ===
      'held';
    const cases: [string, string, string][] = [
      [iso(Date.now() + 30 * MIN), iso(Date.now() + 90 * MIN), 'startedAt'],
      [iso(accepted - DAY), iso(accepted - DAY + 60 * MIN), 'startedAt'],
      [iso(accepted + 1), iso(Date.now() + 30 * MIN), 'endedAt'],
      [iso(Date.now()), iso(accepted), 'endedAt'],
    ];
    for (const [startedAt, endedAt, field] of cases) {
      await refused(
        send('mediatorx1', 'post', `/sessions/${s.id}/record`, record(startedAt, endedAt, v)),
        field,
        c.id,
        'case_sessions',
      );
      expect(await held()).toBe(false);
    }

    // Within the clock tolerance the end may be a little ahead of the server.
    const startedAt = iso(Date.now());
    const ok = await send(
      'mediatorx1',
      'post',
      `/sessions/${s.id}/record`,
      record(startedAt, iso(Date.now() + 2 * MIN), v),
    ).expect(200);
    expect(ok.body.scheduledAt).toBe(startedAt);
    const timeline = (
      await t.http().get(`/api/v1/cases/${c.id}/timeline`).set(bearer(tok.mediatorx1)).expect(200)
    ).body as { action: string; text: string }[];
    const entry = timeline.find((e) => e.action === 'session.recorded');
    expect(entry?.text).toContain('，实际举行时间早于原定时间（原定 ');
    const audit = await t.ds.query(
      `SELECT after FROM audit_events WHERE case_id = $1 AND action = 'session.recorded'`,
      [c.id],
    );
    expect(audit[0].after).toMatchObject({
      heldEarlierThanPlanned: true,
      previousScheduledAt: new Date(planned).toISOString(),
      scheduledAt: startedAt,
    });
  });

  it("an extension's consents cannot lie before acceptance or in the future", async () => {
    const c = await inMediation();
    const accepted = new Date((await caseRow(c.id)).accepted_at).getTime();
    const body = (applicantConsentAt: string, respondentConsentAt: string) => ({
      days: 10,
      reason: '双方同意延期',
      applicantConsentAt,
      applicantConsentMethod: 'signed_form',
      respondentConsentAt,
      respondentConsentMethod: 'phone',
      version: c.version,
    });
    const now = iso(Date.now());
    const deadline = (await caseRow(c.id)).deadline_at;
    for (const [a, r, field] of [
      [iso(accepted - DAY), now, 'applicantConsentAt'],
      [now, iso(Date.now() + DAY), 'respondentConsentAt'],
    ]) {
      await refused(
        send('mediatorx1', 'post', `/cases/${c.id}/extensions`, body(a, r)),
        field,
        c.id,
        'case_extensions',
      );
    }
    expect((await caseRow(c.id)).deadline_at).toEqual(deadline);
    await send('mediatorx1', 'post', `/cases/${c.id}/extensions`, body(now, now)).expect(204);
  });

  it("a party's consent cannot be recorded before the referral was received or in the future", async () => {
    const c = await createCase(t, tok.clerka, world.regions.x1);
    const received = new Date((await caseRow(c.id)).received_at).getTime();
    for (const recordedAt of [iso(received - MIN), iso(Date.now() + DAY)]) {
      await refused(
        send('clerka', 'post', `/cases/${c.id}/consents`, {
          partyId: c.parties[0].id,
          decision: 'refused',
          method: 'phone',
          recordedAt,
          version: c.version,
        }),
        'recordedAt',
        c.id,
        'case_consents',
      );
    }
    expect((await caseRow(c.id)).status).toBe('received');
  });

  it('an agreement cannot take effect before acceptance; a follow-up visit cannot lie before closure or in the future', async () => {
    const c = await inMediation();
    const accepted = new Date((await caseRow(c.id)).accepted_at).getTime();
    const outcome = (effectiveAt: string, version: number) => ({
      result: 'ancillary_agreed',
      route: 'judicial_confirmation',
      agreement: {
        effectiveAt,
        form: 'written',
        children: [
          {
            childId: c.children[0].id,
            support: { amount: '24000', frequency: 'yearly', method: 'bank_transfer' },
          },
        ],
      },
      version,
    });
    await refused(
      send('mediatorx1', 'post', `/cases/${c.id}/outcome`, outcome(iso(accepted - DAY), c.version)),
      'agreement.effectiveAt',
      c.id,
      'case_outcomes',
    );
    expect((await caseRow(c.id)).status).toBe('in_mediation');
    let v = c.version;
    await send(
      'mediatorx1',
      'post',
      `/cases/${c.id}/outcome`,
      outcome(iso(Date.now() + DAY), v++),
    ).expect(204);
    await send('supervisorx', 'post', `/cases/${c.id}/review`, {
      decision: 'approve',
      version: v++,
    }).expect(204);
    const closed = new Date((await caseRow(c.id)).closed_at).getTime();
    const visit = (visitedAt: string) => ({
      visitedAt,
      performance: 'performed',
      satisfaction: 5,
      version: v,
    });
    const visited = async (): Promise<number> =>
      Number(
        (
          await t.ds.query(
            'SELECT count(*)::int AS n FROM case_follow_ups WHERE case_id = $1 AND visited_at IS NOT NULL',
            [c.id],
          )
        )[0].n,
      );
    for (const visitedAt of [iso(closed - MIN), iso(Date.now() + DAY)]) {
      await refused(
        send('mediatorx1', 'post', `/cases/${c.id}/follow-ups`, visit(visitedAt)),
        'visitedAt',
        c.id,
        'case_follow_ups',
      );
    }
    expect(await visited()).toBe(0);
    await send('mediatorx1', 'post', `/cases/${c.id}/follow-ups`, visit(iso(Date.now()))).expect(
      204,
    );
    expect(await visited()).toBe(1);
  });
});
