import { createTestApp, TestApp } from '../support/app.js';
import {
  caseBody,
  caseInMediation,
  consentAndScreen,
  createCase,
  type CreatedCase,
} from '../support/cases.js';
import {
  expectRefusedAlike,
  problemOf,
  RANDOM_ID,
  type ForeignIdCase,
} from '../support/foreign-ids.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

type MediatedCase = Awaited<ReturnType<typeof caseInMediation>>;

/**
 * Case and document writes that name another object in their body (a village, a party, a child,
 * a mediator, a session, a follow-up): county A's users naming county B's objects get what an
 * unknown id gets, and nothing is written: no row, no audit event, nothing in B's timeline.
 */
describe('foreign ids: cases and documents (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};
  /** County B: a case in mediation with mediatorz1, one of its sessions and a visited follow-up. */
  let caseB: MediatedCase;
  let sessionB: string;
  let followUpB: string;
  /** County A: a case received, one referred, one in mediation and one closed (mediatorx1). */
  let received: CreatedCase;
  let referred: CreatedCase;
  let inMediation: MediatedCase;
  let closed: MediatedCase;

  const send = (user: string, path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const get = (user: string, path: string) => t.http().get(`/api/v1${path}`).set(bearer(tok[user]));

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'mediatorx1', 'mediatorz1'])
      tok[u] = (await login(t, u)).access;
    const b = { clerk: tok.clerkb, supervisor: tok.clerkb, mediator: tok.mediatorz1 };
    const a = { clerk: tok.clerka, supervisor: tok.supervisorx, mediator: tok.mediatorx1 };

    caseB = await caseInMediation(t, b, world.regions.z1, world.users.mediatorZ1);
    sessionB = (
      await send('mediatorz1', `/cases/${caseB.id}/sessions`, {
        scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        location: '东关村调解室',
        mode: 'in_person',
        format: 'joint',
        version: caseB.version,
      }).expect(201)
    ).body.id;
    // The follow-up only has to exist; the API makes them after closure.
    followUpB = (
      await t.ds.query(
        `INSERT INTO case_follow_ups (case_id, kind, due_on, visited_at, party_id, performance, satisfaction)
         VALUES ($1, 'ad_hoc', '2027-01-05', now(), $2, 'performed', 4) RETURNING id`,
        [caseB.id, caseB.parties[0].id],
      )
    )[0].id;

    received = await createCase(t, tok.clerka, world.regions.x1);
    referred = await createCase(t, tok.clerka, world.regions.x1);
    const v = await consentAndScreen(t, tok.clerka, referred);
    await send('clerka', `/cases/${referred.id}/refer`, { version: v }).expect(204);
    referred.version = v + 1;
    inMediation = await caseInMediation(t, a, world.regions.x1, world.users.mediatorX1);
    closed = await caseInMediation(t, a, world.regions.x2, world.users.mediatorX1);
    await send('mediatorx1', `/cases/${closed.id}/outcome`, {
      result: 'no_agreement',
      route: 'court_filing',
      version: closed.version,
    }).expect(204);
    await send('supervisorx', `/cases/${closed.id}/review`, {
      decision: 'approve',
      version: closed.version + 1,
    }).expect(204);
    closed.version += 2;
  });
  afterAll(async () => {
    await t.close();
  });

  const [applicant, respondent] = caseBody('').parties as Record<string, unknown>[];
  const visit = {
    // Read when sent: a visit just made, after the closure.
    get visitedAt(): string {
      return new Date().toISOString();
    },
    performance: 'performed',
    satisfaction: 5,
  };
  const agreementFor = (childId: string) => ({
    effectiveAt: new Date(Date.now() + 86_400_000).toISOString(),
    form: 'written',
    children: [{ childId, custody: 'applicant', heard: true }],
    property: [{ item: '胶西村宅基地房屋', to: 'applicant', value: '300000.00' }],
  });

  const rows: ForeignIdCase[] = [
    {
      name: 'POST /cases: the dispute’s village',
      foreign: () => world.regions.z1,
      send: (id) => send('clerka', '/cases', caseBody(id)),
      table: 'cases',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'regionId',
    },
    {
      name: 'POST /cases: a party’s village',
      foreign: () => world.regions.z1,
      send: (id) =>
        send(
          'clerka',
          '/cases',
          caseBody(world.regions.x1, { parties: [{ ...applicant, regionId: id }, respondent] }),
        ),
      table: 'parties',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'parties.0.regionId',
    },
    {
      name: 'POST /cases/:id/consents: the party',
      foreign: () => caseB.parties[0].id,
      send: (partyId) =>
        send('clerka', `/cases/${received.id}/consents`, {
          partyId,
          decision: 'consented',
          method: 'signed_form',
          recordedAt: '2026-11-03T10:00:00+08:00',
          version: received.version,
        }),
      table: 'case_consents',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'partyId',
    },
    {
      name: 'POST /cases/:id/screenings: the party',
      foreign: () => caseB.parties[0].id,
      send: (partyId) =>
        send('clerka', `/cases/${received.id}/screenings`, {
          partyId,
          answers: {
            physicalViolence: false,
            threats: false,
            coerciveControl: false,
            fearOfOtherParty: false,
            childrenAtRisk: false,
            protectionOrderInForce: false,
          },
          recommendation: 'joint',
          version: received.version,
        }),
      table: 'case_screenings',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'partyId',
    },
    ...(['supervisorx', 'clerka'] as const).map((user): ForeignIdCase => ({
      name: `POST /cases/:id/assignment by ${user}: the mediator`,
      foreign: () => world.users.mediatorZ1,
      send: (mediatorId) =>
        send(user, `/cases/${referred.id}/assignment`, {
          mediatorId,
          version: referred.version,
        }),
      table: 'case_assignments',
      status: 404,
      code: 'MEDIATOR.NOT_FOUND',
    })),
    {
      name: 'POST /cases/:id/outcome: a child in the agreement',
      foreign: () => caseB.children[0].id,
      send: (childId) =>
        send('mediatorx1', `/cases/${inMediation.id}/outcome`, {
          result: 'divorce_agreed',
          route: 'court_mediation_document',
          agreement: agreementFor(childId),
          version: inMediation.version,
        }),
      table: 'case_outcomes',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'agreement.children.0.childId',
    },
    {
      name: 'POST /cases/:id/follow-ups: the scheduled follow-up',
      foreign: () => followUpB,
      send: (followUpId) =>
        send('mediatorx1', `/cases/${closed.id}/follow-ups`, {
          ...visit,
          followUpId,
          version: closed.version,
        }),
      table: 'case_follow_ups',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'followUpId',
    },
    {
      name: 'POST /cases/:id/follow-ups: the party visited',
      foreign: () => caseB.parties[0].id,
      send: (partyId) =>
        send('mediatorx1', `/cases/${closed.id}/follow-ups`, {
          ...visit,
          partyId,
          version: closed.version,
        }),
      table: 'case_follow_ups',
      status: 400,
      code: 'VALIDATION.FAILED',
      field: 'partyId',
    },
    {
      name: 'POST /cases/:id/documents: the session of a session record',
      foreign: () => sessionB,
      send: (sessionId) =>
        send('mediatorx1', `/cases/${closed.id}/documents`, { type: 'session_record', sessionId }),
      table: 'documents',
      status: 404,
      code: 'SESSION.NOT_FOUND',
    },
    {
      name: 'POST /cases/:id/documents: the follow-up of a follow-up record',
      foreign: () => followUpB,
      send: (followUpId) =>
        send('mediatorx1', `/cases/${closed.id}/documents`, {
          type: 'follow_up_record',
          followUpId,
        }),
      table: 'documents',
      status: 404,
      code: 'FOLLOW-UP.NOT_FOUND',
    },
    {
      name: 'POST /cases/:id/documents: the party of a rights notice',
      foreign: () => caseB.parties[0].id,
      send: (partyId) =>
        send('mediatorx1', `/cases/${inMediation.id}/documents`, {
          type: 'rights_notice',
          partyId,
        }),
      table: 'documents',
      status: 404,
      code: 'PARTY.NOT_FOUND',
    },
  ];

  it.each(rows)('$name: $status $code, nothing written', async (row) => {
    await expectRefusedAlike(t, row, caseB.id);
  });

  it('the same requests with county A’s own ids go through (the table above can fail)', async () => {
    await send('clerka', '/cases', {
      ...caseBody(world.regions.x1, {
        parties: [{ ...applicant, regionId: world.regions.x2 }, respondent],
      }),
    }).expect(201);
    await send('mediatorx1', `/cases/${closed.id}/follow-ups`, {
      ...visit,
      partyId: closed.parties[0].id,
      version: closed.version,
    }).expect(204);
    await send('supervisorx', `/cases/${referred.id}/assignment`, {
      mediatorId: world.users.mediatorX1,
      version: referred.version,
    }).expect(204);
  });

  it('list filters naming another county’s region, court or mediator list what an unknown id lists', async () => {
    const filters = [
      ['regionId', world.regions.countyB],
      ['regionId', world.regions.z1],
      ['courtId', world.courts.b],
      ['mediatorId', world.users.mediatorZ1],
    ];
    for (const user of ['clerka', 'supervisorx', 'mediatorx1']) {
      for (const [name, id] of filters) {
        const foreign = await get(user, `/cases?${name}=${id}`).expect(200);
        const unknown = await get(user, `/cases?${name}=${RANDOM_ID}`).expect(200);
        expect({ user, name, total: foreign.body.total }).toEqual({ user, name, total: 0 });
        expect(problemOf(foreign)).toEqual(problemOf(unknown));
      }
    }
  });
});
