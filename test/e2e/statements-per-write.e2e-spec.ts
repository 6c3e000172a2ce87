import pg from 'pg';
import { createTestApp, TestApp } from '../support/app.js';
import { caseBody, consentAndScreen, type CreatedCase } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * What one write to a case costs the database: every SQL statement the request sends (recorded at
 * the driver, pg's Client#query, so TypeORM's queries and the named prepared statements alike),
 * and how many of them read the case's own row (a statement on `cases` given the case's id).
 * docs/design/quality.md aims at two reads of the case per write, at most four; CaseWriter reads it
 * once (the locked read: scope, version and mediator checked on it), the reminders are planned from
 * the row as changed, and a write that answers with the case's detail reads it once more.
 */
describe('statements per case write (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};
  let recording: { text: string; values: unknown[] }[] | null = null;
  let restore: () => void;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1']) tok[u] = (await login(t, u)).access;
    // Every statement passes through pg's Client#query: a string, or a config with text/values/name.
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const [first, second] = args;
      if (recording) {
        const config =
          typeof first === 'string'
            ? { text: first }
            : (first as { text?: string; values?: unknown[] });
        const values = Array.isArray(second)
          ? second
          : ((config as { values?: unknown[] }).values ?? []);
        if (config.text) recording.push({ text: config.text, values });
      }
      return query.apply(this, args);
    };
    restore = () => {
      proto.query = query;
    };
  });
  afterAll(async () => {
    restore();
    await t.close();
  });

  /** The statements one request sent, and those among them that read the case's own row. */
  async function cost(
    caseId: string,
    send: () => Promise<unknown>,
  ): Promise<{ total: number; caseReads: number }> {
    recording = [];
    try {
      await send();
    } finally {
      const sent = recording;
      recording = null;
      const reads = sent.filter((s) => /^\s*(WITH|SELECT)\b/i.test(s.text));
      // `cases` itself (not case_sessions, case_assignments…), asked for this case by its id: a
      // mediator's caseload count (`FROM cases WHERE mediator_id = …`) is not a read of the case.
      const caseReads = reads.filter(
        (s) => /\b(FROM|JOIN)\s+"?cases"?(?![\w_])/i.test(s.text) && s.values.includes(caseId),
      );
      costs.push({ total: sent.length, caseReads: caseReads.length });
    }
    return costs[costs.length - 1];
  }
  const costs: { total: number; caseReads: number }[] = [];

  const post = (user: string, path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set(bearer(tok[user])).send(body);

  it("prints each write's statements and reads the case once per write (twice when it answers with the case)", async () => {
    const created = await post('clerka', '/cases', caseBody(world.regions.x1)).expect(201);
    const c = created.body as CreatedCase;
    let version = await consentAndScreen(t, tok.clerka, c);
    const rows: [string, { total: number; caseReads: number }, number][] = [];
    const step = async (name: string, user: string, path: string, body: object, budget: number) => {
      const spent = await cost(c.id, () => post(user, path, { ...body, version }).expect(204));
      version += 1;
      rows.push([name, spent, budget]);
    };
    const update = await cost(c.id, () =>
      t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set(bearer(tok.clerka))
        .send({ version, summary: '双方感情不和，分居两年。' })
        .expect(200),
    );
    version += 1;
    rows.push(['update (PATCH)', update, 2]);
    await step('refer', 'clerka', `/cases/${c.id}/refer`, {}, 1);
    await step(
      'assign',
      'supervisorx',
      `/cases/${c.id}/assignment`,
      { mediatorId: world.users.mediatorX1 },
      1,
    );
    await step('accept', 'mediatorx1', `/cases/${c.id}/accept`, {}, 1);
    const schedule = await cost(c.id, () =>
      post('mediatorx1', `/cases/${c.id}/sessions`, {
        version,
        scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        location: '百合调解室',
        mode: 'in_person',
        format: 'joint',
      }).expect(201),
    );
    version += 1;
    rows.push(['schedule a session', schedule, 1]);
    // Under an Idempotency-Key: the key's claim and store are statements on idempotency_keys, not
    // reads of the case.
    const keyed = await cost(c.id, () =>
      t
        .http()
        .post(`/api/v1/cases/${c.id}/sessions`)
        .set(bearer(tok.mediatorx1))
        .set('Idempotency-Key', 'statements-0001')
        .send({
          version,
          scheduledAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
          location: '百合调解室',
          mode: 'in_person',
          format: 'joint',
        })
        .expect(201),
    );
    version += 1;
    rows.push(['schedule, keyed', keyed, 1]);

    process.stdout.write(
      [
        'write                 statements  reads of the case  budget',
        ...rows.map(
          ([name, spent, budget]) =>
            `${name.padEnd(22)}${String(spent.total).padStart(10)}${String(spent.caseReads).padStart(19)}${String(budget).padStart(8)}`,
        ),
        '',
      ].join('\n'),
    );
    for (const [name, spent, budget] of rows) {
      expect([name, spent.caseReads <= budget]).toEqual([name, true]);
      // Each write reads the case at least once (its locked read): the counter sees the SQL.
      expect([name, spent.caseReads >= 1]).toEqual([name, true]);
    }
  });
});
