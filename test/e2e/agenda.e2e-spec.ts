import { createTestApp, TestApp } from '../support/app.js';
import { caseInMediation } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

const DAY = 86_400_000;
/** The Shanghai calendar day of an instant, and that day plus n days. */
const shanghaiDay = (at: number): string => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
const noonOf = (day: string): string => `${day}T12:00:00+08:00`;

/** GET /me/agenda: the mediator's day in one request (今日 on her phone). */
describe('my agenda (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1', 'mediatorz1', 'admin1'])
      tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const session = (caseId: string, mediatorId: string, at: string, extra = '') =>
    t.ds.query(
      `INSERT INTO case_sessions (case_id, mediator_id, scheduled_at, location, mode, format${extra ? ', record' : ''})
       VALUES ($1, $2, $3, '百合调解室', 'in_person', 'joint'${extra ? ', $4' : ''}) RETURNING id`,
      extra ? [caseId, mediatorId, at, extra] : [caseId, mediatorId, at],
    ) as Promise<{ id: string }[]>;
  const followUp = (caseId: string, dueOn: string, visited = false) =>
    t.ds.query(
      `INSERT INTO case_follow_ups (case_id, kind, due_on, visited_at) VALUES ($1, 'ad_hoc', $2, $3) RETURNING id`,
      [caseId, dueOn, visited ? new Date() : null],
    ) as Promise<{ id: string }[]>;

  it("lists today's sessions and the follow-ups due within a week, each with its case, and nothing else", async () => {
    const c = await caseInMediation(
      t,
      { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 },
      world.regions.x1,
      world.users.mediatorX1,
    );
    const today = shanghaiDay(Date.now());
    const day = (n: number) => shanghaiDay(Date.parse(noonOf(today)) + n * DAY);
    const [morning] = await session(c.id, world.users.mediatorX1, `${today}T09:00:00+08:00`);
    const [recorded] = await session(
      c.id,
      world.users.mediatorX1,
      `${today}T00:00:00+08:00`,
      JSON.stringify({ matters: '抚养费的数额' }),
    );
    await session(c.id, world.users.mediatorX1, noonOf(day(1)));
    await session(c.id, world.users.mediatorX1, `${day(-1)}T23:59:00+08:00`);
    // Another mediator's session on this case (she is not its mediator): not on this agenda.
    await session(c.id, world.users.mediatorZ1, `${today}T10:00:00+08:00`);
    const [overdue] = await followUp(c.id, day(-3));
    const [inAWeek] = await followUp(c.id, day(7));
    await followUp(c.id, day(8));
    await followUp(c.id, day(-1), true);

    const res = await t.http().get('/api/v1/me/agenda').set(bearer(tok.mediatorx1)).expect(200);
    expect(res.body.date).toBe(today);
    expect(res.body.sessions.map((s: { session: { id: string } }) => s.session.id)).toEqual([
      recorded.id,
      morning.id,
    ]);
    const first = res.body.sessions[0];
    expect(first.session).toMatchObject({ caseId: c.id, status: 'scheduled', recorded: true });
    // What was said stays in the session's own record: the agenda carries none of it.
    expect(first.session).not.toHaveProperty('record');
    expect(JSON.stringify(res.body)).not.toContain('抚养费的数额');
    expect(first.case).toMatchObject({ id: c.id, status: 'in_mediation' });
    expect(first.case.partyNames).toHaveLength(2);
    expect(res.body.followUps.map((f: { followUp: { id: string } }) => f.followUp.id)).toEqual([
      overdue.id,
      inAWeek.id,
    ]);
    expect(res.body.followUps[0].followUp).toMatchObject({ dueOn: day(-3), visitedAt: null });

    const other = await t.http().get('/api/v1/me/agenda').set(bearer(tok.mediatorz1)).expect(200);
    expect(other.body).toEqual({ date: today, sessions: [], followUps: [] });
  });

  it.each(['clerka', 'supervisorx', 'admin1'])('is refused to %s (403)', async (user) => {
    const res = await t.http().get('/api/v1/me/agenda').set(bearer(tok[user]));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('asks for a login (401)', async () => {
    await t.http().get('/api/v1/me/agenda').expect(401);
  });
});
