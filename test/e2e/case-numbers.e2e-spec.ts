import { createTestApp, TestApp } from '../support/app.js';
import { consentAndScreen, createCase } from '../support/cases.js';
import { documentCalls } from '../support/documents.js';
import { pdfText } from '../support/pdf-text.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/** Courts' 代字, the numbers made of them, and the documents that print them. */
describe('case numbers (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'admin1']) tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const { send, issue, pdf } = documentCalls(
    () => t,
    tok,
    () => world,
  );
  const patch = (user: string, path: string, body: object) =>
    t.http().patch(`/api/v1${path}`).set(bearer(tok[user])).send(body);

  it('a court’s 代字 follows from its county by default, is validated and unique, and an admin corrects it', async () => {
    const court = await t.http().get(`/api/v1/courts/${world.courts.a}`).set(bearer(tok.clerka));
    expect(court.body).toMatchObject({ code: 'J37', designator: '鲁0281' });
    const found = await t
      .http()
      .get(`/api/v1/courts?q=${encodeURIComponent('鲁0281')}`)
      .set(bearer(tok.admin1));
    expect(found.body.items.map((c: { code: string }) => c.code)).toEqual(['J37']);

    const city = await send('admin1', '/courts', {
      code: 'Q02',
      name: '青岛市中级人民法院',
      regionId: world.regions.city,
    }).expect(201);
    expect(city.body.designator).toBe('鲁02');
    const bad = await send('admin1', '/courts', {
      code: 'Q03',
      name: '某法院',
      regionId: world.regions.city,
      designator: 'J37',
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['designator']);
    await send('admin1', '/courts', {
      code: 'Q04',
      name: '某法院',
      regionId: world.regions.city,
      designator: '鲁0281',
    }).expect(409);

    await patch('clerka', `/courts/${world.courts.a}`, { designator: '鲁0299' }).expect(403);
    await patch('admin1', `/courts/${world.courts.a}`, { designator: '鲁0282' }).expect(409);
    await patch('admin1', `/courts/${world.courts.a}`, { designator: '鲁281' }).expect(400);
    const first = await createCase(t, tok.clerka, world.regions.x1);
    const changed = await patch('admin1', `/courts/${world.courts.a}`, {
      designator: '鲁0299',
    }).expect(200);
    expect(changed.body).toMatchObject({ designator: '鲁0299', name: '胶州市人民法院' });
    // The next number carries the new 代字 and continues the sequence; a given number stays.
    const second = await createCase(t, tok.clerka, world.regions.x1);
    expect([first.caseNumber, second.caseNumber]).toEqual([
      '（2026）鲁0281民诉前调1号',
      '（2026）鲁0299民诉前调2号',
    ]);
    const [audit] = await t.ds.query(
      `SELECT before->>'designator' AS before, after->>'designator' AS after
         FROM audit_events WHERE action = 'court.updated'`,
    );
    expect(audit).toEqual({ before: '鲁0281', after: '鲁0299' });
  });

  it('prints the case number and the court’s own number on the documents', async () => {
    const reference = '（2026）鲁0281民诉前88号';
    const c = await createCase(t, tok.clerka, world.regions.x1, { courtReference: reference });
    let v = await consentAndScreen(t, tok.clerka, c);
    await send('clerka', `/cases/${c.id}/refer`, { version: v++ }).expect(204);
    await send('supervisorx', `/cases/${c.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: v,
    }).expect(204);
    const letter = (await issue('clerka', c.id, { type: 'referral_letter' }).expect(201)).body;
    const text = pdfText(await pdf('clerka', letter.id), 1);
    expect(c.caseNumber).toBe('（2026）鲁0281民诉前调1号');
    expect(text).toContain(c.caseNumber);
    expect(text).toContain(`法院案号：${reference}`);
  });
});
