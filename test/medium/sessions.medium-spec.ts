import type { Actor } from '../../src/common/context/request-context.js';
import { CasesService } from '../../src/modules/cases/cases.service.js';
import { CaseSession } from '../../src/modules/cases/sessions/case-session.entity.js';
import { CaseSessionsService } from '../../src/modules/cases/sessions/case-sessions.service.js';
import {
  actorOf,
  auditRows,
  caseRow,
  mediumSuite,
  failureOf,
  type Medium,
  reminderRows,
  seedCase,
  seedParty,
  seedScreening,
} from '../support/medium.js';
import type { World } from '../support/world.js';

// Accepted at 10:00 in Shanghai on 3 November; a session at 14:00 on 6 November, so its 24 h and
// 2 h reminders fall outside the parties' SMS quiet hours (21:00–08:00).
const ACCEPTED_AT = '2026-11-03T02:00:00.000Z';
const SESSION_AT = '2026-11-06T06:00:00.000Z';
const HOUR = 3_600_000;
const before = (at: string, hours: number) => new Date(Date.parse(at) - hours * HOUR).toISOString();

describe('CaseSessionsService (medium: the real database)', () => {
  let m: Medium;
  let world: World;
  let sessions: CaseSessionsService;
  let mediator: Actor;

  const suite = mediumSuite();

  beforeAll(async () => {
    ({ m, world } = suite);
    sessions = m.get(CaseSessionsService);
    mediator = await actorOf(m, world.users.mediatorX1);
  });
  beforeEach(() => {
    m.clock.set(ACCEPTED_AT);
  });

  const inMediation = () =>
    seedCase(m, world, { status: 'in_mediation', mediatorId: world.users.mediatorX1 });
  const session = { location: '百合调解室', mode: 'in_person', format: 'joint' } as const;
  /** The case's reminders as [kind, recipient type, channel, due, status, version], sorted. */
  const reminders = async (caseId: string) =>
    (await reminderRows(m, caseId))
      .map((r) => [
        r.kind,
        r.recipient_type,
        r.channel,
        new Date(r.due_at).toISOString(),
        r.status,
        r.version,
      ])
      .sort();

  it('scheduling writes the session, bumps the case, and plans its reminders for the mediator and the parties with a phone', async () => {
    const c = await inMediation();
    await seedParty(m, c, { role: 'applicant' });
    await seedParty(m, c, { role: 'respondent', phone: null });

    const view = await sessions.schedule(
      { actor: mediator, id: c.id, version: 1 },
      { ...session, scheduledAt: SESSION_AT },
    );

    expect(view).toMatchObject({ caseId: c.id, status: 'scheduled', scheduledAt: SESSION_AT });
    expect(await m.ds.getRepository(CaseSession).findOneByOrFail({ id: view.id })).toMatchObject({
      mediatorId: world.users.mediatorX1,
      durationMinutes: 60,
    });
    expect(await caseRow(m, c.id)).toMatchObject({ status: 'in_mediation', version: 2 });
    expect((await auditRows(m, c.id)).map((a) => [a.action, a.after])).toEqual([
      [
        'session.scheduled',
        {
          status: 'in_mediation',
          version: 2,
          sessionId: view.id,
          scheduledAt: SESSION_AT,
          mode: 'in_person',
          format: 'joint',
        },
      ],
    ]);
    const sessionReminders = (await reminderRows(m, c.id)).filter(
      (r) => r.kind === 'session_upcoming',
    );
    expect(
      sessionReminders
        .map((r) => [r.recipient_type, r.channel, new Date(r.due_at).toISOString()])
        .sort(),
    ).toEqual(
      [
        ['party', 'sms', before(SESSION_AT, 2)],
        ['party', 'sms', before(SESSION_AT, 24)],
        ['user', 'in_app', before(SESSION_AT, 2)],
        ['user', 'in_app', before(SESSION_AT, 24)],
      ].sort(),
    );
  });

  it('rescheduling moves the same reminders (a new version and a new timer); cancelling cancels them', async () => {
    const c = await inMediation();
    await seedParty(m, c, { role: 'applicant' });
    const view = await sessions.schedule(
      { actor: mediator, id: c.id, version: 1 },
      { ...session, scheduledAt: SESSION_AT },
    );
    const scheduled = (await reminderRows(m, c.id)).filter((r) => r.kind === 'session_upcoming');
    const later = new Date(Date.parse(SESSION_AT) + 24 * HOUR).toISOString();

    await sessions.reschedule(
      { actor: mediator, id: view.id, version: 2 },
      { scheduledAt: later, version: 2 },
    );

    const moved = (await reminderRows(m, c.id)).filter((r) => r.kind === 'session_upcoming');
    expect(moved.map((r) => r.id)).toEqual(scheduled.map((r) => r.id));
    expect(moved.map((r) => [r.status, r.version])).toEqual(
      Array(scheduled.length).fill(['scheduled', 2]),
    );
    expect(moved.map((r) => new Date(r.due_at).getTime())).toEqual(
      scheduled.map((r) => new Date(r.due_at).getTime() + 24 * HOUR),
    );
    const timers: { job_id: string; status: string }[] = await m.ds.query(
      `SELECT job_id, status FROM outbox WHERE job_id = ANY($1) ORDER BY job_id`,
      [moved.flatMap((r) => [`reminder-${r.id}-v1`, `reminder-${r.id}-v2`])],
    );
    expect(timers).toEqual(
      moved
        .flatMap((r) => [
          { job_id: `reminder-${r.id}-v1`, status: 'processed' },
          { job_id: `reminder-${r.id}-v2`, status: 'pending' },
        ])
        .sort((a, b) => a.job_id.localeCompare(b.job_id)),
    );

    await sessions.close({ actor: mediator, id: view.id, version: 3 }, 'cancelled', '当事人生病');
    expect(
      (await reminderRows(m, c.id))
        .filter((r) => r.kind === 'session_upcoming')
        .map((r) => r.status),
    ).toEqual(Array(scheduled.length).fill('cancelled'));
    expect(await caseRow(m, c.id)).toMatchObject({ status: 'in_mediation', version: 4 });
  });

  it('a joint session for parties screened for separate rooms is SESSION.JOINT_NOT_ALLOWED, and nothing is written', async () => {
    const c = await inMediation();
    const applicant = await seedParty(m, c, { role: 'applicant' });
    await seedScreening(m, world, applicant, { recommendation: 'shuttle', threats: true });
    const was = [await caseRow(m, c.id), await auditRows(m, c.id), await reminders(c.id)];

    const error = await failureOf(
      sessions.schedule(
        { actor: mediator, id: c.id, version: 1 },
        { ...session, scheduledAt: SESSION_AT },
      ),
    );

    expect(error).toMatchObject({ code: 'SESSION.JOINT_NOT_ALLOWED', kind: 'conflict' });
    expect(await m.ds.getRepository(CaseSession).countBy({ caseId: c.id })).toBe(0);
    expect([await caseRow(m, c.id), await auditRows(m, c.id), await reminders(c.id)]).toEqual(was);

    await sessions.schedule(
      { actor: mediator, id: c.id, version: 1 },
      { ...session, format: 'shuttle', scheduledAt: SESSION_AT },
    );
    expect(await m.ds.getRepository(CaseSession).countBy({ caseId: c.id })).toBe(1);
  });

  it('a session after the deadline is refused naming scheduledAt (DATE.AFTER_DEADLINE)', async () => {
    const c = await inMediation();
    const after = new Date((c.deadlineAt as Date).getTime() + HOUR).toISOString();

    const error = await failureOf(
      sessions.schedule(
        { actor: mediator, id: c.id, version: 1 },
        { ...session, scheduledAt: after },
      ),
    );

    expect(error).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: [expect.objectContaining({ field: 'scheduledAt', code: 'DATE.AFTER_DEADLINE' })],
    });
    expect(await caseRow(m, c.id)).toMatchObject({ version: 1 });
  });

  it("another case's session is SESSION.NOT_FOUND, as an unknown id is: a session id cannot be probed", async () => {
    const c = await inMediation();
    const view = await sessions.schedule(
      { actor: mediator, id: c.id, version: 1 },
      { ...session, scheduledAt: SESSION_AT },
    );
    const outsider = await actorOf(m, world.users.mediatorZ1);

    const known = await failureOf(
      sessions.close({ actor: outsider, id: view.id, version: 2 }, 'cancelled', '试探'),
    );
    const unknown = await failureOf(
      sessions.close(
        { actor: outsider, id: '00000000-0000-4000-8000-000000000000', version: 2 },
        'cancelled',
        '试探',
      ),
    );

    expect(known).toMatchObject({ code: 'SESSION.NOT_FOUND', kind: 'not_found' });
    expect(unknown).toMatchObject({ code: 'SESSION.NOT_FOUND', kind: 'not_found' });
    const refused: { entity_type: string; entity_id: string }[] = await m.ds.query(
      `SELECT entity_type, entity_id FROM audit_events WHERE action = 'access.denied' AND entity_id = $1`,
      [view.id],
    );
    expect(refused).toEqual([{ entity_type: 'session', entity_id: view.id }]);
    expect(await m.ds.getRepository(CaseSession).findOneByOrFail({ id: view.id })).toMatchObject({
      status: 'scheduled',
    });
  });

  it('withdrawing a case in mediation ends its assignment, as an expiry or an approval does', async () => {
    const c = await inMediation();
    const clerk = await actorOf(m, world.users.clerkA);

    await m.get(CasesService).withdraw({ actor: clerk, id: c.id, version: 1 }, { reason: '和好' });

    const open: { ended_at: Date | null; end_reason: string | null }[] = await m.ds.query(
      `SELECT ended_at, end_reason FROM case_assignments WHERE case_id = $1`,
      [c.id],
    );
    expect(open).toEqual([{ ended_at: m.clock.now(), end_reason: 'closed' }]);
    expect(await caseRow(m, c.id)).toMatchObject({ status: 'closed', result: 'withdrawn' });
  });
});
