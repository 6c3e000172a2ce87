import { createTestApp, TestApp } from '../support/app.js';
import { caseInMediation, createCase, idFor } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

/**
 * Issue #21: the same family comes back. Every case sharing a party (same ID number, any role)
 * appears on a case's family timeline, each only for those who may see it under the list's rule.
 */
describe('family timeline (e2e): GET /cases/:id/family and the detail’s earlier records', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};
  // People (serials ≥ 600 so no other spec's ID numbers meet them). Every case uses the same
  // names (张某某, 李某某): only the ID number makes two of them the same person.
  const P = idFor('1991-02-03', 'female', 601);
  const R1 = idFor('1989-07-08', 'male', 602);
  const R2 = idFor('1987-01-09', 'male', 605);
  const Q = idFor('1993-04-05', 'female', 604);
  const S = idFor('1985-05-06', 'male', 606);
  const X1 = idFor('1991-02-03', 'female', 607);
  const X2 = idFor('1989-07-08', 'male', 608);
  const ids: Record<'a1' | 'a2' | 'a4' | 'b1' | 'x', string> = {} as never;

  const party = (role: string, gender: string, idNumber: string, name: string) => ({
    role,
    name,
    gender,
    idNumber,
    phone: role === 'applicant' ? '13800000601' : '13900000602',
  });
  const couple = (
    applicant: [string, 'female' | 'male'],
    respondent: [string, 'female' | 'male'],
    receivedAt: string,
  ) => ({
    receivedAt,
    parties: [
      party('applicant', applicant[1], applicant[0], '张某某'),
      party('respondent', respondent[1], respondent[0], '李某某'),
    ],
  });

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['admin1', 'clerka', 'clerkb', 'supervisorx', 'supervisorcity', 'mediatorx1'])
      tok[u] = (await login(t, u)).access;
    const handled = { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 };
    // March: a dispute mediated by mediatorx1. October: the same applicant, a divorce referral.
    ids.a1 = (
      await caseInMediation(
        t,
        handled,
        world.regions.x1,
        world.users.mediatorX1,
        couple([P, 'female'], [R1, 'male'], '2026-03-10T09:00:00+08:00'),
      )
    ).id;
    ids.a2 = (
      await createCase(
        t,
        tok.clerka,
        world.regions.x2,
        couple([P, 'female'], [R2, 'male'], '2026-10-12T09:00:00+08:00'),
      )
    ).id;
    // November: another woman against the March respondent, also mediatorx1's.
    ids.a4 = (
      await caseInMediation(
        t,
        handled,
        world.regions.x1,
        world.users.mediatorX1,
        couple([Q, 'female'], [R1, 'male'], '2026-11-01T09:00:00+08:00'),
      )
    ).id;
    // June, the other county's court: the applicant of March as the respondent there.
    ids.b1 = (
      await createCase(
        t,
        tok.clerkb,
        world.regions.z1,
        couple([S, 'male'], [P, 'female'], '2026-06-01T09:00:00+08:00'),
      )
    ).id;
    // May: the same names, other people.
    ids.x = (
      await createCase(
        t,
        tok.clerka,
        world.regions.y1,
        couple([X1, 'female'], [X2, 'male'], '2026-05-01T09:00:00+08:00'),
      )
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];
  type Item = {
    kind: string;
    at: string;
    earlier: boolean;
    caseId: string;
    caseNumber: string;
    status: string;
    disputeType: string;
    receivedAt: string;
    closedAt: string | null;
    result: string | null;
    shared: { partyId: string; role: string; name: string; idNumber: string; roleThere: string }[];
  };
  const family = async (user: string, id: keyof typeof ids) => {
    const res = await get(user, `/cases/${ids[id]}/family`).expect(200);
    const body = res.body as { earlierRecords: number; items: Item[] };
    const detail = await get(user, `/cases/${ids[id]}`).expect(200);
    // The detail's count is the route's, for the same caller.
    expect(detail.body.family).toEqual({ earlierRecords: body.earlierRecords });
    return { ...body, names: body.items.map((i) => nameOf(i.caseId)), raw: res.text, detail };
  };

  it('a clerk: both cases of the same applicant in her court list each other; the other court’s case is not there', async () => {
    const a2 = await family('clerka', 'a2');
    expect(a2.names).toEqual(['a1']);
    expect(a2.earlierRecords).toBe(1);
    const [a1item] = a2.items;
    expect(a1item).toMatchObject({
      kind: 'case',
      at: new Date('2026-03-10T01:00:00Z').toISOString(),
      earlier: true,
      status: 'in_mediation',
      disputeType: 'divorce',
      receivedAt: new Date('2026-03-10T01:00:00Z').toISOString(),
      closedAt: null,
      result: null,
    });
    expect(a1item.caseNumber).toMatch(/^（2026）.+号$/);
    const applicant = a2.detail.body.parties.find((p: { role: string }) => p.role === 'applicant');
    // Shared as the detail shows the party: name, masked ID number; her role there too.
    expect(a1item.shared).toEqual([
      {
        partyId: applicant.id,
        role: 'applicant',
        name: '张某某',
        idNumber: applicant.idNumber,
        roleThere: 'applicant',
      },
    ]);
    expect(applicant.idNumber).toContain('*');

    const a1 = await family('clerka', 'a1');
    expect(a1.names).toEqual(['a4', 'a2']);
    expect(a1.earlierRecords).toBe(0);
    expect(a1.items.map((i) => i.shared.map((s) => s.role))).toEqual([
      ['respondent'],
      ['applicant'],
    ]);
    expect(a1.items.every((i) => !i.earlier)).toBe(true);
  });

  it('no full ID number in any answer, and no other person’s case by the same names', async () => {
    for (const [user, id] of [
      ['clerka', 'a1'],
      ['supervisorcity', 'b1'],
      ['mediatorx1', 'a4'],
    ] as const) {
      const { raw } = await family(user, id);
      for (const full of [P, R1, R2, Q, S, X1, X2]) expect(raw).not.toContain(full);
    }
    const x = await family('clerka', 'x');
    expect(x.items).toEqual([]);
    expect(x.earlierRecords).toBe(0);
    for (const id of ['a1', 'a2', 'a4'] as const)
      expect((await family('clerka', id)).names).not.toContain('x');
  });

  it('the other county: not for court A’s clerk or township X’s supervisor; the city supervisor sees it; its clerk sees only hers', async () => {
    expect((await family('supervisorx', 'a2')).names).toEqual(['a1']);
    const city = await family('supervisorcity', 'a2');
    expect(city.names).toEqual(['b1', 'a1']);
    expect(city.earlierRecords).toBe(2);
    const b1 = city.items.find((i) => i.caseId === ids.b1) as Item;
    expect(b1.shared).toEqual([
      expect.objectContaining({ role: 'applicant', roleThere: 'respondent' }),
    ]);
    expect((await family('supervisorcity', 'b1')).names).toEqual(['a2', 'a1']);
    const clerkb = await family('clerkb', 'b1');
    expect(clerkb.items).toEqual([]);
    expect(clerkb.earlierRecords).toBe(0);
    // Out of scope is 404, as every case route.
    await get('supervisorx', `/cases/${ids.b1}/family`).expect(404);
    await get('clerkb', `/cases/${ids.a1}/family`).expect(404);
    const res = await get('clerka', `/cases/${ids.b1}/family`).expect(404);
    expect(res.body.code).toBe('CASE.NOT_FOUND');
  });

  it('a mediator: only the cases she is or was assigned', async () => {
    const a1 = await family('mediatorx1', 'a1');
    expect(a1.names).toEqual(['a4']);
    expect(a1.earlierRecords).toBe(0);
    const a4 = await family('mediatorx1', 'a4');
    expect(a4.names).toEqual(['a1']);
    expect(a4.earlierRecords).toBe(1);
    await get('mediatorx1', `/cases/${ids.a2}/family`).expect(404);
    await get('mediatorx1', `/cases/${ids.b1}/family`).expect(404);
  });

  it('an admin sees no case content: the family route answers as the detail does', async () => {
    const detail = await get('admin1', `/cases/${ids.a1}`);
    const fam = await get('admin1', `/cases/${ids.a1}/family`);
    expect(fam.status).toBe(detail.status);
    expect(fam.body.items).toBeUndefined();
  });

  it('404 for an unknown id, 400 for a malformed one', async () => {
    const res = await get('clerka', '/cases/00000000-0000-4000-8000-000000000000/family').expect(
      404,
    );
    expect(res.body.code).toBe('CASE.NOT_FOUND');
    await get('clerka', '/cases/not-a-uuid/family').expect(400);
  });

  it('a referral of someone already known: the created case’s family lists the earlier one', async () => {
    const created = await createCase(
      t,
      tok.clerka,
      world.regions.x1,
      couple([R2, 'male'], [Q, 'female'], '2026-11-20T09:00:00+08:00'),
    );
    const fam = await get('clerka', `/cases/${created.id}/family`).expect(200);
    expect(fam.body.items.map((i: Item) => nameOf(i.caseId))).toEqual(['a4', 'a2']);
    expect(fam.body.earlierRecords).toBe(2);
  });
});
