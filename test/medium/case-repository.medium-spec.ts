import { type Actor, systemContext } from '../../src/common/context/request-context.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { poolOf } from '../../src/common/sql/prepared.js';
import { CaseFollowUp } from '../../src/modules/cases/after-closure/case-follow-up.entity.js';
import { CaseTracking } from '../../src/modules/cases/after-closure/case-tracking.entity.js';
import { Case } from '../../src/modules/cases/case.entity.js';
import { CaseNotVisible, CaseRepository } from '../../src/modules/cases/case.repository.js';
import { CaseOutcome } from '../../src/modules/cases/outcome/case-outcome.entity.js';
import { MediatorProfile } from '../../src/modules/roster/mediator-profile.entity.js';
import {
  actorOf,
  auditRows,
  caseRow,
  mediumSuite,
  failureOf,
  type Medium,
  seedAssignment,
  seedCase,
  seedChild,
  seedMediator,
  seedOutcome,
  seedParty,
  seedSession,
} from '../support/medium.js';
import type { World } from '../support/world.js';

const DAY = 86_400_000;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('CaseRepository (medium: the real database)', () => {
  let m: Medium;
  let world: World;
  let cases: CaseRepository;
  let mediatorX2: string;
  const as = {} as Record<
    | 'admin'
    | 'clerkA'
    | 'clerkB'
    | 'supervisorX'
    | 'supervisorCity'
    | 'mediatorX1'
    | 'mediatorX2'
    | 'mediatorZ1',
    Actor
  >;

  const suite = mediumSuite();

  beforeAll(async () => {
    ({ m, world } = suite);
    mediatorX2 = await seedMediator(m, 'mediatorx2', world.regions.x2, world.orgs.x);
    cases = m.get(CaseRepository);
    for (const [name, id] of Object.entries({ ...world.users, mediatorX2 }))
      as[name as keyof typeof as] = await actorOf(m, id);
  });

  const codeOf = (error: unknown): string => {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  };
  const denials = async (caseId: string): Promise<(string | null)[]> =>
    (await auditRows(m, caseId)).filter((r) => r.action === 'access.denied').map((r) => r.actor_id);

  describe('findVisible', () => {
    /** A case of court A in village X1, now with mediator X2, before that with X1. */
    const reassignedCase = async (): Promise<Case> => {
      const c = await seedCase(m, world, { status: 'assigned', mediatorId: mediatorX2 });
      await seedAssignment(m, world, c, world.users.mediatorX1, { endReason: 'reassigned' });
      return c;
    };

    it.each([
      ['the clerk of its court', 'clerkA'],
      ['its mediator', 'mediatorX2'],
      ['a mediator it was assigned to before', 'mediatorX1'],
      ['the supervisor of its township', 'supervisorX'],
      ['the supervisor of its city', 'supervisorCity'],
    ] as const)('shows the case to %s', async (_who, actor) => {
      const c = await reassignedCase();
      const found = await cases.findVisible(as[actor], c.id);
      expect(found).toBeInstanceOf(Case);
      expect(found).toEqual(await caseRow(m, c.id));
      expect(await denials(c.id)).toEqual([]);
    });

    it.each([
      ["another court's clerk", 'clerkB'],
      ['a mediator it was never assigned to', 'mediatorZ1'],
      ['the admin (no case content)', 'admin'],
    ] as const)('answers %s CASE.NOT_FOUND and audits the refusal', async (_who, actor) => {
      const c = await reassignedCase();
      expect(codeOf(await failureOf(cases.findVisible(as[actor], c.id)))).toBe('CASE.NOT_FOUND');
      expect(await denials(c.id)).toEqual([as[actor].user.id]);
    });

    it("a supervisor sees her region's cases only; an unknown id is the same 404", async () => {
      const y1 = await seedCase(m, world, { regionId: world.regions.y1 });
      expect(codeOf(await failureOf(cases.findVisible(as.supervisorX, y1.id)))).toBe(
        'CASE.NOT_FOUND',
      );
      expect((await cases.findVisible(as.supervisorCity, y1.id)).id).toBe(y1.id);
      expect(codeOf(await failureOf(cases.findVisible(as.clerkA, MISSING)))).toBe('CASE.NOT_FOUND');
      expect(await denials(y1.id)).toEqual([world.users.supervisorX]);
      expect(await denials(MISSING)).toEqual([world.users.clerkA]);
    });
  });

  describe('lockVisible', () => {
    const lock = (actor: Parameters<CaseRepository['lockVisible']>[1], id: string, v: number) =>
      m.ds.transaction((manager) => cases.lockVisible(manager, actor, id, v));

    it('checks scope first: out of scope at a stale version is not visible, not a conflict', async () => {
      const c = await seedCase(m, world, { version: 4 });
      expect(await failureOf(lock(as.clerkB, c.id, 3))).toBeInstanceOf(CaseNotVisible);
      expect(await failureOf(lock(as.clerkB, c.id, 4))).toBeInstanceOf(CaseNotVisible);
      // An unknown id looks the same to a user; the writer audits either after its rollback.
      expect(await failureOf(lock(as.clerkA, MISSING, 1))).toBeInstanceOf(CaseNotVisible);
      expect(await auditRows(m, c.id)).toEqual([]);
    });

    it('then the version, then the mediator: a former mediator at a stale version gets the conflict', async () => {
      const c = await seedCase(m, world, {
        status: 'assigned',
        mediatorId: mediatorX2,
        version: 4,
      });
      await seedAssignment(m, world, c, world.users.mediatorX1, { endReason: 'reassigned' });

      const stale = await failureOf(lock(as.mediatorX1, c.id, 3));
      expect(stale).toMatchObject({ code: 'CASE.VERSION_CONFLICT', params: { current: 4 } });
      expect(codeOf(await failureOf(lock(as.mediatorX1, c.id, 4)))).toBe(
        'CASE.NOT_ASSIGNED_TO_YOU',
      );
      expect((await lock(as.mediatorX2, c.id, 4)).id).toBe(c.id);
      // A clerk or supervisor in scope is not held to the assignment.
      expect((await lock(as.supervisorX, c.id, 4)).id).toBe(c.id);
    });

    it('the system needs no scope, and an unknown id is CASE.NOT_FOUND to it', async () => {
      const c = await seedCase(m, world, { courtId: world.courts.b, regionId: world.regions.z1 });
      expect((await lock(systemContext(), c.id, 1)).courtId).toBe(world.courts.b);
      expect(codeOf(await failureOf(lock(systemContext(), MISSING, 1)))).toBe('CASE.NOT_FOUND');
      expect(codeOf(await failureOf(lock(systemContext(), c.id, 2)))).toBe('CASE.VERSION_CONFLICT');
    });

    it('holds the row locked until the transaction ends', async () => {
      const c = await seedCase(m, world);
      // Another connection of the pool, asking for the row without waiting.
      const tryLock = () =>
        poolOf(m.ds).query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE NOWAIT`, [c.id]);
      await m.ds.transaction(async (manager) => {
        await cases.lockVisible(manager, as.clerkA, c.id, 1);
        await expect(tryLock()).rejects.toThrow(/could not obtain lock/);
      });
      expect((await tryLock()).rows).toHaveLength(1);
    });
  });

  describe('reminderFacts', () => {
    /** A case with something in every part of the facts. */
    async function busyCase(status: 'in_mediation' | 'closed'): Promise<Case> {
      const c = await seedCase(m, world, {
        status,
        mediatorId: world.users.mediatorX1,
        result: status === 'closed' ? 'divorce_agreed' : null,
        route: status === 'closed' ? 'registry_divorce' : null,
      });
      await seedParty(m, c, { role: 'applicant' });
      await seedParty(m, c, { role: 'respondent', phone: '13900000002', smsOptOut: true });
      await seedSession(m, c);
      await seedSession(m, c, { status: 'cancelled' });
      await seedOutcome(m, world, c, {
        submittedAt: new Date(Date.now() - 3 * DAY),
        reviewDecision: 'returned',
      });
      await seedOutcome(m, world, c, {
        reviewDecision: status === 'closed' ? 'approved' : null,
        route: 'registry_divorce',
      });
      await m.ds.getRepository(CaseTracking).save({
        caseId: c.id,
        registryAppliedAt: new Date(Date.now() - DAY),
      });
      await m.ds.getRepository(CaseFollowUp).save({
        caseId: c.id,
        kind: 'settlement_30',
        dueOn: '2027-01-06',
      });
      return c;
    }

    it.each(['in_mediation', 'closed'] as const)(
      'of a case %s: by id equals from the row',
      async (status) => {
        const c = await busyCase(status);
        const [byId, fromRow] = await m.ds.transaction(async (manager) => [
          await cases.reminderFacts(manager, c.id),
          await cases.reminderFacts(manager, await caseRow(m, c.id)),
        ]);
        expect(fromRow).toEqual(byId);
        // Every part was read, not left empty.
        expect(byId).toMatchObject({
          id: c.id,
          status,
          courtId: world.courts.a,
          supervisorIds: [world.users.supervisorX],
          clerkIds: [world.users.clerkA],
        });
        expect(byId?.sessions).toHaveLength(1);
        expect(byId?.parties.map((p) => [p.hasPhone, p.smsOptOut]).sort()).toEqual([
          [true, false],
          [true, true],
        ]);
        expect(byId?.followUps).toEqual([
          expect.objectContaining({ dueOn: '2027-01-06', visitedAt: null }),
        ]);
        expect(byId?.tracking?.registryAppliedAt).toBeInstanceOf(Date);
        if (status === 'closed') {
          expect(byId?.assignment).toBeNull();
          expect(byId?.agreementEffectiveAt).toBeInstanceOf(Date);
        } else {
          expect(byId?.assignment?.acceptedAt).toBeInstanceOf(Date);
          expect(byId?.pendingOutcome).not.toBeNull();
        }
      },
    );

    it('from the row takes the row as given (a change not yet written), the rest from the database', async () => {
      const c = await busyCase('in_mediation');
      const changed = Object.assign(await caseRow(m, c.id), {
        status: 'pending_review',
        mediatorId: mediatorX2,
      });
      const [byId, fromRow] = await m.ds.transaction(async (manager) => [
        await cases.reminderFacts(manager, c.id),
        await cases.reminderFacts(manager, changed),
      ]);
      expect(fromRow).toEqual({
        ...byId,
        status: 'pending_review',
        mediatorId: mediatorX2,
        mediatorHasPhone: false,
      });
      expect(await m.ds.transaction((mg) => cases.reminderFacts(mg, MISSING))).toBeNull();
    });
  });

  it('documentFacts reads the parties (applicants first), children by age, court, village, township, outcome, mediator, organisation, clerk and visitor', async () => {
    const c = await seedCase(m, world, {
      status: 'in_mediation',
      mediatorId: world.users.mediatorX1,
    });
    const respondent = await seedParty(m, c, { role: 'respondent' });
    const applicant = await seedParty(m, c, { role: 'applicant' });
    const younger = await seedChild(m, c, { name: '李小妹', birthDate: '2019-02-01' });
    const older = await seedChild(m, c, { name: '李小某', birthDate: '2016-05-01' });
    await seedOutcome(m, world, c, {
      submittedAt: new Date(Date.now() - DAY),
      reviewDecision: 'returned',
    });
    const pending = await seedOutcome(m, world, c);

    const facts = await cases.documentFacts(await caseRow(m, c.id), world.users.supervisorX);

    expect(facts.parties.map((p) => p.id)).toEqual([applicant.id, respondent.id]);
    expect(facts.children.map((k) => k.id)).toEqual([older.id, younger.id]);
    expect(facts.court?.id).toBe(world.courts.a);
    expect(facts.village?.id).toBe(world.regions.x1);
    expect(facts.township?.id).toBe(world.regions.townX);
    expect(facts.tracking).toBeNull();
    expect(facts.outcome?.id).toBe(pending.id);
    expect(facts.mediator?.id).toBe(world.users.mediatorX1);
    expect(facts.profile).toBeNull();
    // No roster profile: the organisation is the mediator's own.
    expect(facts.organization?.id).toBe(world.orgs.x);
    expect(facts.clerk?.id).toBe(world.users.clerkA);
    expect(facts.visitor?.id).toBe(world.users.supervisorX);

    // A roster profile's organisation comes before the user's; no visitor asked, none read.
    await m.ds
      .getRepository(MediatorProfile)
      .save({ userId: world.users.mediatorX1, organizationId: world.orgs.z });
    const again = await cases.documentFacts(await caseRow(m, c.id), null);
    expect(again.profile?.userId).toBe(world.users.mediatorX1);
    expect(again.organization?.id).toBe(world.orgs.z);
    expect(again.visitor).toBeNull();
  });

  it('currentOutcome is the latest outcome unless it was returned', async () => {
    const c = await seedCase(m, world, {
      status: 'in_mediation',
      mediatorId: world.users.mediatorX1,
    });
    expect(await cases.currentOutcome(c.id)).toBeNull();
    await seedOutcome(m, world, c, {
      submittedAt: new Date(Date.now() - 2 * DAY),
      reviewDecision: 'returned',
    });
    expect(await cases.currentOutcome(c.id)).toBeNull();
    const resubmitted = await seedOutcome(m, world, c, { submittedAt: new Date(Date.now() - DAY) });
    expect((await cases.currentOutcome(c.id))?.id).toBe(resubmitted.id);
    await m.ds
      .getRepository(CaseOutcome)
      .update({ id: resubmitted.id }, { reviewDecision: 'approved' });
    expect(await cases.currentOutcome(c.id)).toMatchObject({
      id: resubmitted.id,
      reviewDecision: 'approved',
    });
  });
});
