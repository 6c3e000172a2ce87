import type { Actor } from '../../src/common/context/request-context.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { CaseAssignment } from '../../src/modules/cases/assignment/case-assignment.entity.js';
import { CaseAssignmentService } from '../../src/modules/cases/assignment/case-assignment.service.js';
import type { Case } from '../../src/modules/cases/case.entity.js';
import { deadlineFrom } from '../../src/modules/cases/clock/case-clock.js';
import { MediatorTraining } from '../../src/modules/roster/mediator-training.entity.js';
import {
  actorOf,
  auditRows,
  caseRow,
  mediumSuite,
  failureOf,
  type Medium,
  reminderRows,
  seedCase,
  seedMediator,
  seedParty,
} from '../support/medium.js';
import type { World } from '../support/world.js';

const HOUR = 3_600_000;
// 10:00 in Shanghai on 2 November; accepted at 00:30 on 3 November in Shanghai (2 November, UTC).
const ASSIGNED_AT = '2026-11-02T02:00:00.000Z';
const ACCEPTED_AT = '2026-11-02T16:30:00.000Z';

describe('CaseAssignmentService (medium: the real database)', () => {
  let m: Medium;
  let world: World;
  let service: CaseAssignmentService;
  let mediatorX2: string;
  const as = {} as Record<'supervisorX' | 'mediatorX1' | 'mediatorX2', Actor>;

  const suite = mediumSuite();

  beforeAll(async () => {
    ({ m, world } = suite);
    mediatorX2 = await seedMediator(m, 'mediatorx2', world.regions.x2, world.orgs.x);
    service = m.get(CaseAssignmentService);
    as.supervisorX = await actorOf(m, world.users.supervisorX);
    as.mediatorX1 = await actorOf(m, world.users.mediatorX1);
    as.mediatorX2 = await actorOf(m, mediatorX2);
  });

  const history = (caseId: string) =>
    m.ds.getRepository(CaseAssignment).find({ where: { caseId }, order: { assignedAt: 'ASC' } });
  const open = async (caseId: string) =>
    (await reminderRows(m, caseId))
      .filter((r) => r.status === 'scheduled')
      .map((r) => [r.kind, r.recipient_id, new Date(r.due_at).toISOString()])
      .sort();
  const footprint = async (c: Case) => ({
    row: await caseRow(m, c.id),
    assignments: await history(c.id),
    audit: await auditRows(m, c.id),
    reminders: await reminderRows(m, c.id),
  });

  it('assign, reassign, accept: the history, the audit trail and the reminders follow, and acceptance starts the clock from config', async () => {
    m.clock.set(ASSIGNED_AT);
    const c = await seedCase(m, world, { status: 'referred', version: 3 });
    await seedParty(m, c, { role: 'applicant' });
    await seedParty(m, c, { role: 'respondent' });

    await service.assign(
      { actor: as.supervisorX, id: c.id, version: 3 },
      { mediatorId: world.users.mediatorX1, note: '负责本村' },
    );
    expect(await caseRow(m, c.id)).toMatchObject({
      status: 'assigned',
      version: 4,
      mediatorId: world.users.mediatorX1,
      acceptedAt: null,
      deadlineAt: null,
    });
    // The mediator is told at once, township X's supervisor if she has not answered in 48 h.
    expect(await open(c.id)).toEqual(
      [
        ['assignment_pending', world.users.mediatorX1, ASSIGNED_AT],
        [
          'assignment_pending',
          world.users.supervisorX,
          new Date(Date.parse(ASSIGNED_AT) + 48 * HOUR).toISOString(),
        ],
      ].sort(),
    );

    m.clock.advance(HOUR);
    const reassignedAt = m.clock.now().toISOString();
    await service.assign(
      { actor: as.supervisorX, id: c.id, version: 4 },
      { mediatorId: mediatorX2, note: '原调解员外出' },
    );
    expect(await caseRow(m, c.id)).toMatchObject({
      status: 'assigned',
      version: 5,
      mediatorId: mediatorX2,
    });
    expect(
      (await history(c.id)).map((a) => [a.mediatorId, a.endReason, a.endedAt?.toISOString()]),
    ).toEqual([
      [world.users.mediatorX1, 'reassigned', reassignedAt],
      [mediatorX2, null, undefined],
    ]);
    expect(await open(c.id)).toEqual(
      [
        ['assignment_pending', mediatorX2, reassignedAt],
        [
          'assignment_pending',
          world.users.supervisorX,
          new Date(Date.parse(reassignedAt) + 48 * HOUR).toISOString(),
        ],
      ].sort(),
    );

    m.clock.set(ACCEPTED_AT);
    await service.accept({ actor: as.mediatorX2, id: c.id, version: 5 });
    const accepted = await caseRow(m, c.id);
    expect(accepted).toMatchObject({ status: 'in_mediation', version: 6, mediatorId: mediatorX2 });
    expect(accepted.acceptedAt?.toISOString()).toBe(ACCEPTED_AT);
    // MEDIATION_DAYS_PRE_FILING Shanghai days after the Shanghai day of acceptance (3 November).
    expect(m.env.MEDIATION_DAYS_PRE_FILING).toBe(30);
    expect(accepted.deadlineAt).toEqual(
      deadlineFrom(new Date(ACCEPTED_AT), m.env.MEDIATION_DAYS_PRE_FILING),
    );
    expect(accepted.deadlineAt?.toISOString()).toBe('2026-12-03T15:59:59.999Z');
    const [, current] = await history(c.id);
    expect(current.acceptedAt?.toISOString()).toBe(ACCEPTED_AT);

    expect(
      (await auditRows(m, c.id)).map((a) => [a.action, a.actor_id, a.before, a.after]),
    ).toEqual([
      [
        'case.assigned',
        world.users.supervisorX,
        { status: 'referred', version: 3, mediatorId: null },
        { status: 'assigned', version: 4, mediatorId: world.users.mediatorX1, note: '负责本村' },
      ],
      [
        'case.reassigned',
        world.users.supervisorX,
        { status: 'assigned', version: 4, mediatorId: world.users.mediatorX1 },
        { status: 'assigned', version: 5, mediatorId: mediatorX2, note: '原调解员外出' },
      ],
      [
        'case.accepted',
        mediatorX2,
        { status: 'assigned', version: 5 },
        { status: 'in_mediation', version: 6, deadlineAt: '2026-12-03T15:59:59.999Z' },
      ],
    ]);
    // Nothing pending any more; the deadline's reminders instead.
    const reminders = await reminderRows(m, c.id);
    expect(reminders.filter((r) => r.kind === 'assignment_pending').map((r) => r.status)).toEqual(
      Array(4).fill('cancelled'),
    );
    expect(reminders.filter((r) => r.status === 'scheduled').map((r) => r.kind)).toEqual(
      Array(6).fill('deadline_approaching'),
    );
  });

  it('an entrusted case gets the entrusted period from config', async () => {
    m.clock.set(ACCEPTED_AT);
    const c = await seedCase(m, world, {
      status: 'assigned',
      mediatorId: world.users.mediatorX1,
      mediationKind: 'entrusted',
    });
    await service.accept({ actor: as.mediatorX1, id: c.id, version: 1 });
    expect(m.env.MEDIATION_DAYS_ENTRUSTED).toBe(15);
    expect((await caseRow(m, c.id)).deadlineAt?.toISOString()).toBe('2026-11-18T15:59:59.999Z');
  });

  it('refuses a mediator who is not DV-trained for a DV-flagged case with ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE, and writes nothing', async () => {
    const c = await seedCase(m, world, { status: 'referred', dvFlag: true, version: 2 });
    const was = await footprint(c);

    const error = await failureOf(
      service.assign(
        { actor: as.supervisorX, id: c.id, version: 2 },
        { mediatorId: world.users.mediatorX1 },
      ),
    );

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE',
      kind: 'conflict',
      params: { context: 'not_dv_trained' },
    });
    expect(await footprint(c)).toEqual(was);

    // Trained, she may take it.
    await m.ds.getRepository(MediatorTraining).save({
      mediatorId: world.users.mediatorX1,
      title: '反家暴',
      heldOn: '2026-01-05',
      hours: '3',
      topics: ['domestic_violence'],
    });
    await service.assign(
      { actor: as.supervisorX, id: c.id, version: 2 },
      { mediatorId: world.users.mediatorX1 },
    );
    expect(await caseRow(m, c.id)).toMatchObject({ status: 'assigned', version: 3 });
  });

  it('the same mediator again is ASSIGNMENT.ALREADY_ASSIGNED; one outside the supervisor’s roster is MEDIATOR.NOT_FOUND', async () => {
    const c = await seedCase(m, world, {
      status: 'assigned',
      mediatorId: world.users.mediatorX1,
    });
    const was = await footprint(c);
    const assign = (mediatorId: string) =>
      failureOf(service.assign({ actor: as.supervisorX, id: c.id, version: 1 }, { mediatorId }));

    expect(await assign(world.users.mediatorX1)).toMatchObject({
      code: 'ASSIGNMENT.ALREADY_ASSIGNED',
    });
    expect(await footprint(c)).toEqual(was);

    expect(await assign(world.users.mediatorZ1)).toMatchObject({ code: 'MEDIATOR.NOT_FOUND' });
    expect(await footprint(c)).toEqual(was);
    const denied: { entity_type: string; actor_id: string }[] = await m.ds.query(
      `SELECT entity_type, actor_id FROM audit_events WHERE action = 'access.denied'`,
    );
    expect(denied).toEqual([{ entity_type: 'mediator', actor_id: world.users.supervisorX }]);
  });

  it('declining sends the case back to referred, ends her assignment with the reason, and cancels its reminders', async () => {
    const c = await seedCase(m, world, {
      status: 'referred',
    });
    await service.assign(
      { actor: as.supervisorX, id: c.id, version: 1 },
      { mediatorId: world.users.mediatorX1 },
    );
    await service.release({ actor: as.mediatorX1, id: c.id, version: 2 }, 'decline', {
      reason: '近期外出务工',
    });

    expect(await caseRow(m, c.id)).toMatchObject({
      status: 'referred',
      version: 3,
      mediatorId: null,
    });
    expect((await history(c.id)).map((a) => [a.endReason, a.note])).toEqual([
      ['declined', '近期外出务工'],
    ]);
    expect((await reminderRows(m, c.id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });
});
