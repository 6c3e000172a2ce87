import { verifyAuditTrail } from '../../src/modules/audit/audit-verifier.js';
import { createTestApp, TestApp } from '../support/app.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

describe('audit trail (e2e)', () => {
  let t: TestApp;
  let world: World;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    admin = (await login(t, 'admin1')).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (): Promise<number> =>
    Number((await t.ds.query('SELECT count(*) AS n FROM audit_events'))[0].n);

  it('a write produces exactly one audit row, with actor, request id and the after-image', async () => {
    const before = await count();
    const res = await t
      .http()
      .post('/api/v1/regions')
      .set(bearer(admin))
      .set('X-Request-Id', 'audit-test-0001')
      .send({ code: '370281105203', name: '新村', level: 'village', parentId: world.regions.townX })
      .expect(201);
    expect(await count()).toBe(before + 1);
    const [row] = await t.ds.query(`SELECT * FROM audit_events ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({
      action: 'region.created',
      entity_type: 'region',
      entity_id: res.body.id,
      actor_id: world.users.admin,
      actor_role: 'admin',
      request_id: 'audit-test-0001',
    });
    expect(row.after).toMatchObject({ code: '370281105203', name: '新村' });
    expect(row.region_path.endsWith('370281105203.')).toBe(true);
  });

  it('a failed write produces no audit row and no change', async () => {
    const before = await count();
    await t
      .http()
      .post('/api/v1/regions')
      .set(bearer(admin))
      .send({ code: '370281105201', name: '重复', level: 'village', parentId: world.regions.townX })
      .expect(409);
    await t
      .http()
      .post('/api/v1/regions')
      .set(bearer(admin))
      .send({
        code: '370281105299',
        name: '错层',
        level: 'township',
        parentId: world.regions.townX,
      })
      .expect(400);
    expect(await count()).toBe(before);
  });

  it('masks phones and never stores secrets in audit images', async () => {
    const [row] = await t.ds.query(
      `SELECT after FROM audit_events WHERE action = 'user.created' AND entity_id = $1`,
      [world.users.clerkA],
    );
    expect(row.after.phone).toBe('139****5678');
    expect(JSON.stringify(row.after)).not.toMatch(/password|Hash/i);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    await expect(t.ds.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('keeps an intact hash chain under concurrent writers, and the verifier finds a row a superuser altered', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .http()
          .post('/api/v1/organizations')
          .set(bearer(admin))
          .send({ name: `第${i}调解委员会`, regionId: world.regions.townY })
          .expect(201),
      ),
    );
    const intact = await verifyAuditTrail(t.ds, 7);
    expect(intact).toEqual({ ok: true, checked: await count() });

    const [victim] = await t.ds.query(
      `SELECT id FROM audit_events WHERE action = 'organization.created' ORDER BY id LIMIT 1 OFFSET 3`,
    );
    const runner = t.ds.createQueryRunner();
    await runner.connect();
    try {
      // A superuser can bypass the trigger; the chain still gives her away.
      await runner.query(`SET session_replication_role = replica`);
      await runner.query(`UPDATE audit_events SET after = '{"name":"forged"}' WHERE id = $1`, [
        victim.id,
      ]);
      await runner.query(`SET session_replication_role = DEFAULT`);
    } finally {
      await runner.release();
    }
    const broken = await verifyAuditTrail(t.ds, 7);
    expect(broken).toMatchObject({
      ok: false,
      brokenAt: String(victim.id),
      reason: 'content does not match its hash',
    });
  });
});
