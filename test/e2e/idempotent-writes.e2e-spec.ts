import { createTestApp, TestApp } from '../support/app.js';
import { caseBody, caseInMediation, consentAndScreen, type CreatedCase } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

const DAY_MS = 86_400_000;
const ahead = (days: number): string =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * DAY_MS).toISOString();
const justNow = (minutes = 0): string => new Date(Date.now() + minutes * 60_000).toISOString();

/**
 * The mediator's phone queues writes offline (an outbox) and sends them again when it is back
 * online, perhaps twice: every write through CaseWriter.write honours `Idempotency-Key`, so a
 * replay of the same request answers the first answer and writes nothing (issue #18).
 */
describe('idempotent case writes (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1']) tok[u] = (await login(t, u)).access;
    // One case in mediation per test: more than her default caseload.
    await t.ds.query(
      `INSERT INTO mediator_profiles (user_id, organization_id, max_active_cases) VALUES ($1, $2, 50)`,
      [world.users.mediatorX1, world.orgs.x],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  type Verb = 'post' | 'patch';
  const send = (user: string, verb: Verb, path: string, body: object, key?: string) => {
    const req = t.http()[verb](`/api/v1${path}`).set(bearer(tok[user]));
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };

  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const [row]: { n: string }[] = await t.ds.query(sql, params);
    return Number(row.n);
  };
  const audits = (caseId: string, action: string): Promise<number> =>
    count(`SELECT count(*) AS n FROM audit_events WHERE case_id = $1 AND action = $2`, [
      caseId,
      action,
    ]);
  /** The sessions at 百合调解室 (changeMeanwhile's are elsewhere). */
  const sessionsOf = (caseId: string): Promise<number> =>
    count(
      `SELECT count(*) AS n FROM case_sessions WHERE case_id = $1 AND location = '百合调解室'`,
      [caseId],
    );
  const stored = async (key: string): Promise<{ status_code: number; response: unknown }> => {
    const [row]: { status_code: number; response: unknown }[] = await t.ds.query(
      `SELECT status_code, response FROM idempotency_keys WHERE key = $1`,
      [key],
    );
    return row;
  };
  const versionOf = async (caseId: string): Promise<number> =>
    count(`SELECT version AS n FROM cases WHERE id = $1`, [caseId]);

  const inMediation = () =>
    caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
    );
  const sessionBody = (version: number, over: Record<string, unknown> = {}) => ({
    scheduledAt: ahead(2),
    location: '百合调解室',
    mode: 'in_person',
    format: 'joint',
    version,
    ...over,
  });
  /** The case changes meanwhile (another session, without a key): its version moves on. */
  const changeMeanwhile = async (caseId: string, version: number) => {
    await send(
      'mediatorx1',
      'post',
      `/cases/${caseId}/sessions`,
      sessionBody(version, { location: '妇女之家' }),
    ).expect(201);
    return version + 1;
  };

  it('schedule a session: a replay answers the first answer and writes nothing, even after the case changed; another request under the key is a 409', async () => {
    const c = await inMediation();
    const body = sessionBody(c.version);
    const first = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, body, 'outbox-0001');
    const again = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, body, 'outbox-0001');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(await sessionsOf(c.id)).toBe(1);
    expect(await audits(c.id, 'session.scheduled')).toBe(1);
    expect(await versionOf(c.id)).toBe(c.version + 1);
    expect(await stored('outbox-0001')).toEqual({ status_code: 201, response: first.body });

    // The case moved on: the replay's version is stale, and still it replays.
    const now = await changeMeanwhile(c.id, c.version + 1);
    const late = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, body, 'outbox-0001');
    expect(late.status).toBe(201);
    expect(late.body).toEqual(first.body);
    expect(await versionOf(c.id)).toBe(now);

    // The same key with another body (or another case, or another version) is another request.
    for (const other of [
      { path: `/cases/${c.id}/sessions`, body: { ...body, durationMinutes: 90 } },
      { path: `/cases/${c.id}/sessions`, body: sessionBody(now) },
    ]) {
      const reused = await send('mediatorx1', 'post', other.path, other.body, 'outbox-0001');
      expect([reused.status, reused.body.code]).toEqual([409, 'IDEMPOTENCY.KEY_REUSED']);
    }
    expect(await sessionsOf(c.id)).toBe(1);
    expect(await audits(c.id, 'session.scheduled')).toBe(2);
    expect(await versionOf(c.id)).toBe(now);

    // Without a key the same request again is what it always was: a stale version.
    const bare = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, body);
    expect([bare.status, bare.body.code]).toEqual([409, 'CASE.VERSION_CONFLICT']);
  });

  it('record a session (笔录): sent twice under one key, recorded once', async () => {
    const c = await inMediation();
    const session = await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, {
      ...sessionBody(c.version),
    }).expect(201);
    const version = c.version + 1;
    const record = {
      startedAt: justNow(),
      endedAt: justNow(1),
      attendees: [
        { name: '张某某', role: 'applicant' },
        { name: '李某某', role: 'respondent' },
      ],
      noteTaker: '刘记录',
      matters: '子女抚养、财产分割',
      statements: [
        { side: 'applicant', text: '要求孩子随我生活。' },
        { side: 'respondent', text: '同意，愿每月支付抚养费。' },
      ],
      result: '双方就子女抚养达成一致',
      nextSteps: '起草调解协议',
      version,
    };
    const path = `/sessions/${session.body.id}/record`;
    const first = await send('mediatorx1', 'post', path, record, 'bilu-2026-0001').expect(200);
    const now = await changeMeanwhile(c.id, version + 1);
    const again = await send('mediatorx1', 'post', path, record, 'bilu-2026-0001').expect(200);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ status: 'held', recorded: true });
    expect(
      await count(
        `SELECT count(*) AS n FROM case_sessions WHERE case_id = $1 AND record IS NOT NULL`,
        [c.id],
      ),
    ).toBe(1);
    expect(await audits(c.id, 'session.recorded')).toBe(1);
    expect(await versionOf(c.id)).toBe(now);
  });

  it('accept: sent twice under one key, accepted once; replayed after a session was scheduled, still a 204', async () => {
    const created = await send('clerka', 'post', '/cases', caseBody(world.regions.x1)).expect(201);
    const c = created.body as CreatedCase;
    let version = await consentAndScreen(t, tok.clerka, c);
    await send('clerka', 'post', `/cases/${c.id}/refer`, { version: version++ }).expect(204);
    await send('supervisorx', 'post', `/cases/${c.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: version++,
    }).expect(204);
    const accept = { version };
    const path = `/cases/${c.id}/accept`;
    const [first, again] = [
      await send('mediatorx1', 'post', path, accept, 'accept:2026-11-03'),
      await send('mediatorx1', 'post', path, accept, 'accept:2026-11-03'),
    ];
    expect([first.status, again.status]).toEqual([204, 204]);
    expect(again.body).toEqual(first.body);
    expect(await audits(c.id, 'case.accepted')).toBe(1);
    expect(await versionOf(c.id)).toBe(version + 1);
    // Stored: the route's status and its answer (none: JSON null).
    expect(await stored('accept:2026-11-03')).toEqual({ status_code: 204, response: null });
    await send('mediatorx1', 'post', `/cases/${c.id}/sessions`, sessionBody(version + 1)).expect(
      201,
    );
    await send('mediatorx1', 'post', path, accept, 'accept:2026-11-03').expect(204);
    expect(await audits(c.id, 'case.accepted')).toBe(1);
    expect(await versionOf(c.id)).toBe(version + 2);
    expect(
      await count(
        `SELECT count(*) AS n FROM case_assignments WHERE case_id = $1 AND accepted_at IS NOT NULL`,
        [c.id],
      ),
    ).toBe(1);
  });

  it('record a follow-up visit: sent twice under one key, one visit', async () => {
    const c = await inMediation();
    await send('mediatorx1', 'post', `/cases/${c.id}/withdraw`, {
      reason: '当事人已和好，撤回申请',
      version: c.version,
    }).expect(204);
    const visit = {
      visitedAt: justNow(),
      partyId: c.parties[0].id,
      performance: 'performed',
      satisfaction: 5,
      version: c.version + 1,
    };
    const path = `/cases/${c.id}/follow-ups`;
    const first = await send('mediatorx1', 'post', path, visit, 'visit.2026.12.01');
    const again = await send('mediatorx1', 'post', path, visit, 'visit.2026.12.01');
    expect([first.status, again.status]).toEqual([204, 204]);
    expect(
      await count(`SELECT count(*) AS n FROM case_follow_ups WHERE case_id = $1`, [c.id]),
    ).toBe(1);
    expect(await audits(c.id, 'case.follow_up_recorded')).toBe(1);
    expect(await versionOf(c.id)).toBe(c.version + 2);
    const reused = await send(
      'mediatorx1',
      'post',
      path,
      { ...visit, satisfaction: 4 },
      'visit.2026.12.01',
    );
    expect([reused.status, reused.body.code]).toEqual([409, 'IDEMPOTENCY.KEY_REUSED']);
    expect(
      await count(`SELECT count(*) AS n FROM case_follow_ups WHERE case_id = $1`, [c.id]),
    ).toBe(1);
  });

  it('a malformed key is a 400 naming Idempotency-Key, and nothing is written', async () => {
    const c = await inMediation();
    for (const key of ['', 'short', 'has spaces in it', 'x'.repeat(129), 'slash/in/the-key']) {
      const res = await send(
        'mediatorx1',
        'post',
        `/cases/${c.id}/sessions`,
        sessionBody(c.version),
        key,
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'Idempotency-Key', code: 'IDEMPOTENCY.KEY_FORMAT' }),
      ]);
    }
    expect(await sessionsOf(c.id)).toBe(0);
    expect(await versionOf(c.id)).toBe(c.version);
  });

  it('a write that failed leaves no key: retried under the same key with the right version, it is done', async () => {
    const c = await inMediation();
    const path = `/cases/${c.id}/sessions`;
    const stale = await send('mediatorx1', 'post', path, sessionBody(c.version - 1), 'retry-0001');
    expect([stale.status, stale.body.code]).toEqual([409, 'CASE.VERSION_CONFLICT']);
    const refused = await send(
      'mediatorx1',
      'post',
      path,
      sessionBody(c.version, { scheduledAt: '2020-01-01T09:00:00+08:00' }),
      'retry-0001',
    );
    expect(refused.status).toBe(400);
    expect(
      await count(`SELECT count(*) AS n FROM idempotency_keys WHERE key = $1`, ['retry-0001']),
    ).toBe(0);
    const body = sessionBody(c.version);
    const done = await send('mediatorx1', 'post', path, body, 'retry-0001').expect(201);
    const replay = await send('mediatorx1', 'post', path, body, 'retry-0001').expect(201);
    expect(replay.body).toEqual(done.body);
    expect(await sessionsOf(c.id)).toBe(1);
    expect(await audits(c.id, 'session.scheduled')).toBe(1);
  });

  it("keys are per user: another user's identical key is hers alone", async () => {
    const created = await send('clerka', 'post', '/cases', caseBody(world.regions.x1)).expect(201);
    const c = created.body as CreatedCase;
    let version = await consentAndScreen(t, tok.clerka, c);
    const key = 'shared-key-0001';
    const edit = { summary: '书记员的修改。', version };
    const edited = await send('clerka', 'patch', `/cases/${c.id}`, edit, key).expect(200);
    expect(edited.body).toMatchObject({ summary: '书记员的修改。', version: version + 1 });
    version += 1;
    await send('clerka', 'post', `/cases/${c.id}/refer`, { version: version++ }).expect(204);
    // The supervisor's request under the same key is hers: done, neither refused nor a replay.
    const assign = { mediatorId: world.users.mediatorX1, version };
    await send('supervisorx', 'post', `/cases/${c.id}/assignment`, assign, key).expect(204);
    expect(await versionOf(c.id)).toBe(version + 1);
    expect(await count(`SELECT count(*) AS n FROM idempotency_keys WHERE key = $1`, [key])).toBe(2);
    // Each replays her own. PATCH answers with the case as it is now (its view is read after the
    // write, not stored): the version the assignment gave it.
    await send('supervisorx', 'post', `/cases/${c.id}/assignment`, assign, key).expect(204);
    const replay = await send('clerka', 'patch', `/cases/${c.id}`, edit, key).expect(200);
    expect(replay.body).toMatchObject({ summary: '书记员的修改。', version: version + 1 });
    expect(await audits(c.id, 'case.updated')).toBe(1);
    expect(await audits(c.id, 'case.assigned')).toBe(1);
    expect(await versionOf(c.id)).toBe(version + 1);
  });

  it('concurrent identical requests under one key: one session, every answer the same', async () => {
    const c = await inMediation();
    const body = sessionBody(c.version);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        send('mediatorx1', 'post', `/cases/${c.id}/sessions`, body, 'concurrent-0001'),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    // The same JSON value (a replay's keys come in jsonb's order, not the first answer's).
    for (const r of results) expect(r.body).toEqual(results[0].body);
    expect(await sessionsOf(c.id)).toBe(1);
    expect(await audits(c.id, 'session.scheduled')).toBe(1);
    expect(await versionOf(c.id)).toBe(c.version + 1);
  });

  it('If-Match counts as the version: the replay sends it again as it was', async () => {
    const c = await inMediation();
    const { version: _v, ...body } = sessionBody(c.version);
    const sendWithIfMatch = (ifMatch: string) =>
      t
        .http()
        .post(`/api/v1/cases/${c.id}/sessions`)
        .set(bearer(tok.mediatorx1))
        .set('If-Match', ifMatch)
        .set('Idempotency-Key', 'if-match-0001')
        .send(body);
    const first = await sendWithIfMatch(`"${c.version}"`).expect(201);
    const again = await sendWithIfMatch(`"${c.version}"`).expect(201);
    expect(again.body).toEqual(first.body);
    const other = await sendWithIfMatch(`"${c.version + 1}"`).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await sessionsOf(c.id)).toBe(1);
  });
});
