import { type Actor, systemContext } from '../../src/common/context/request-context.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { CaseWriter, type CaseChange } from '../../src/modules/cases/case-writer.js';
import type { Case } from '../../src/modules/cases/case.entity.js';
import type { CaseAction } from '../../src/modules/cases/case-status.js';
import { deadline } from '../../src/modules/cases/clock/case-clock.js';
import { Party } from '../../src/modules/cases/intake/party.entity.js';
import { CaseSession } from '../../src/modules/cases/sessions/case-session.entity.js';
import {
  actorOf,
  auditRows,
  caseRow,
  mediumSuite,
  failureOf,
  type Medium,
  reminderRows,
  seedAssignment,
  seedCase,
  seedMediator,
  seedParty,
  seedSession,
  syncReminders,
} from '../support/medium.js';
import type { World } from '../support/world.js';

// 00:30 on 3 November in Shanghai, still 2 November in UTC: the legal clock counts Shanghai days.
const ACCEPTED_AT = '2026-11-02T16:30:00.000Z';

describe('CaseWriter (medium: services on the real database)', () => {
  let m: Medium;
  let world: World;
  let writer: CaseWriter;
  let mediatorX2: string;
  const as: Record<'clerkA' | 'clerkB' | 'mediatorX1' | 'mediatorX2', Actor> = {} as never;

  const suite = mediumSuite();

  beforeAll(async () => {
    ({ m, world } = suite);
    mediatorX2 = await seedMediator(m, 'mediatorx2', world.regions.x2, world.orgs.x);
    writer = m.get(CaseWriter);
    as.clerkA = await actorOf(m, world.users.clerkA);
    as.clerkB = await actorOf(m, world.users.clerkB);
    as.mediatorX1 = await actorOf(m, world.users.mediatorX1);
    as.mediatorX2 = await actorOf(m, mediatorX2);
  });

  /** What the assignment service's accept does to the row. */
  const acceptChange = async (
    _manager: unknown,
    locked: Case,
    now: Date,
  ): Promise<CaseChange<string>> => {
    const deadlineAt = deadline(locked.mediationKind, now, m.env);
    return {
      patch: { acceptedAt: now, deadlineAt },
      audit: { action: 'case.accepted', after: { deadlineAt: deadlineAt.toISOString() } },
      result: 'accepted',
    };
  };
  /** What the cases service's withdraw does to the row. */
  const withdrawChange = async (
    _manager: unknown,
    _locked: Case,
    now: Date,
  ): Promise<CaseChange<void>> => ({
    patch: { result: 'withdrawn', route: 'none', closedAt: now, closureReason: '申请人撤回' },
    audit: { action: 'case.withdrawn', after: { reason: '申请人撤回' } },
    result: undefined,
  });

  /** A write refused before its change runs: were it called, the write would fail otherwise. */
  const mustNotRun = async (): Promise<never> => {
    throw new Error('the change ran');
  };

  /** Everything a refused write must leave as it was. */
  const footprint = async (id: string) => ({
    row: await caseRow(m, id),
    audit: await auditRows(m, id),
    reminders: await reminderRows(m, id),
    outbox: await m.ds.query(`SELECT job_id, status FROM outbox ORDER BY id`),
  });

  const codeOf = (error: unknown) => {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return { code: e.code, kind: e.kind, params: e.params };
  };

  it('a write bumps the version, sets the status from the transition table, writes one audit row with before and after, and plans the reminders', async () => {
    m.clock.set(ACCEPTED_AT);
    const c = await seedCase(m, world, {
      status: 'assigned',
      mediatorId: world.users.mediatorX1,
      version: 5,
    });

    const result = await writer.write(as.mediatorX1, c.id, 5, 'accept', acceptChange);

    expect(result).toBe('accepted');
    const row = await caseRow(m, c.id);
    expect(row).toMatchObject({ status: 'in_mediation', version: 6, mediatorId: c.mediatorId });
    expect(row.acceptedAt?.toISOString()).toBe(ACCEPTED_AT);
    // Day 0 is 3 November in Shanghai; 30 days later, to the end of that Shanghai day.
    expect(row.deadlineAt?.toISOString()).toBe('2026-12-03T15:59:59.999Z');
    expect(row.updatedAt.toISOString()).toBe(ACCEPTED_AT);

    expect(await auditRows(m, c.id)).toEqual([
      {
        action: 'case.accepted',
        actor_id: world.users.mediatorX1,
        actor_role: 'mediator',
        entity_type: 'case',
        entity_id: c.id,
        case_id: c.id,
        before: { status: 'assigned', version: 5 },
        after: { status: 'in_mediation', version: 6, deadlineAt: '2026-12-03T15:59:59.999Z' },
      },
    ]);

    // Accepting starts the clock: 7, 3 and 1 days before the deadline, 09:00 in Shanghai, to the
    // mediator and to the supervisor nearest the village (township X's, not the city's).
    const reminders = await reminderRows(m, c.id);
    expect(reminders).toHaveLength(6);
    expect(reminders.every((r) => r.kind === 'deadline_approaching')).toBe(true);
    expect(reminders.every((r) => r.status === 'scheduled' && r.channel === 'in_app')).toBe(true);
    const by = (userId: string) =>
      reminders
        .filter((r) => r.recipient_id === userId)
        .map((r) => new Date(r.due_at).toISOString())
        .sort();
    const dues = [
      '2026-11-26T01:00:00.000Z',
      '2026-11-30T01:00:00.000Z',
      '2026-12-02T01:00:00.000Z',
    ];
    expect(by(world.users.mediatorX1)).toEqual(dues);
    expect(by(world.users.supervisorX)).toEqual(dues);
    // Each timer is an outbox row of the same transaction, for the worker's relay.
    const outbox: { job_id: string; status: string }[] = await m.ds.query(
      `SELECT job_id, status FROM outbox ORDER BY job_id`,
    );
    expect(outbox).toEqual(
      reminders
        .map((r) => ({ job_id: `reminder-${r.id}-v1`, status: 'pending' }))
        .sort((a, b) => a.job_id.localeCompare(b.job_id)),
    );
  });

  it('withdrawing a case in mediation closes it and cancels its reminders and their timers', async () => {
    const c = await seedCase(m, world, {
      status: 'in_mediation',
      mediatorId: world.users.mediatorX1,
      version: 7,
    });
    await syncReminders(m, c.id);
    const before = await reminderRows(m, c.id);
    expect(before.map((r) => r.status)).toEqual(Array(6).fill('scheduled'));

    await writer.write(as.clerkA, c.id, 7, 'withdraw', withdrawChange);

    expect(await caseRow(m, c.id)).toMatchObject({
      status: 'closed',
      version: 8,
      result: 'withdrawn',
      route: 'none',
      closureReason: '申请人撤回',
    });
    const after = await reminderRows(m, c.id);
    expect(after.map((r) => [r.id, r.status])).toEqual(before.map((r) => [r.id, 'cancelled']));
    const timers: { status: string }[] = await m.ds.query(`SELECT status FROM outbox`);
    expect(timers.map((t) => t.status)).toEqual(Array(6).fill('processed'));
    const audit = await auditRows(m, c.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      [
        'case.withdrawn',
        { status: 'in_mediation', version: 7 },
        { status: 'closed', version: 8, reason: '申请人撤回' },
      ],
    ]);
  });

  it('a stale version is CASE.VERSION_CONFLICT naming the current one, and nothing is written', async () => {
    const c = await seedCase(m, world, {
      status: 'in_mediation',
      mediatorId: world.users.mediatorX1,
      version: 3,
    });
    await syncReminders(m, c.id);
    const was = await footprint(c.id);

    const error = await failureOf(writer.write(as.clerkA, c.id, 2, 'withdraw', mustNotRun));

    expect(codeOf(error)).toEqual({
      code: 'CASE.VERSION_CONFLICT',
      kind: 'conflict',
      params: { current: 3 },
    });
    expect(await footprint(c.id)).toEqual(was);
  });

  it('an action the status does not allow is CASE.INVALID_TRANSITION, and nothing is written', async () => {
    const c = await seedCase(m, world, { status: 'received' });
    const was = await footprint(c.id);

    const error = await failureOf(writer.write(as.clerkA, c.id, 1, 'accept', mustNotRun));

    expect(codeOf(error)).toEqual({
      code: 'CASE.INVALID_TRANSITION',
      kind: 'conflict',
      params: { status: 'received', action: 'accept' },
    });
    expect(await footprint(c.id)).toEqual(was);
  });

  it("another court's clerk gets CASE.NOT_FOUND, her refused access is audited, and nothing else is written", async () => {
    const c = await seedCase(m, world, { status: 'received' });
    const was = await footprint(c.id);

    const error = await failureOf(writer.write(as.clerkB, c.id, 1, 'withdraw', mustNotRun));

    expect(codeOf(error)).toEqual({ code: 'CASE.NOT_FOUND', kind: 'not_found', params: {} });
    const now = await footprint(c.id);
    expect({ ...now, audit: was.audit }).toEqual(was);
    expect(now.audit).toEqual([
      {
        action: 'access.denied',
        actor_id: world.users.clerkB,
        actor_role: 'clerk',
        entity_type: 'case',
        entity_id: c.id,
        case_id: null,
        before: null,
        after: null,
      },
    ]);
  });

  it('a mediator who is no longer the case’s mediator gets CASE.NOT_ASSIGNED_TO_YOU; the current one may act', async () => {
    const c = await seedCase(m, world, { status: 'assigned', mediatorId: mediatorX2, version: 4 });
    await seedAssignment(m, world, c, world.users.mediatorX1, { endReason: 'reassigned' });
    const was = await footprint(c.id);

    const error = await failureOf(writer.write(as.mediatorX1, c.id, 4, 'accept', acceptChange));

    expect(codeOf(error)).toEqual({
      code: 'CASE.NOT_ASSIGNED_TO_YOU',
      kind: 'conflict',
      params: {},
    });
    // She still sees the case: no refused access is recorded.
    expect(await footprint(c.id)).toEqual(was);

    await writer.write(as.mediatorX2, c.id, 4, 'accept', acceptChange);
    expect(await caseRow(m, c.id)).toMatchObject({ status: 'in_mediation', version: 5 });
  });

  it('two writes at the same version: the second waits for the first’s row lock, then loses', async () => {
    const c = await seedCase(m, world, { status: 'received' });
    let entered!: () => void;
    const firstIn = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const update =
      (summary: string, hold?: Promise<void>) => async (): Promise<CaseChange<string>> => {
        entered();
        await hold;
        return { patch: { summary }, audit: { action: 'case.updated' }, result: summary };
      };

    const first = writer.write(as.clerkA, c.id, 1, 'update_details', update('先到', gate));
    await firstIn;
    const second = writer.write(as.clerkA, c.id, 1, 'update_details', update('后到'));
    // The second is blocked on the locked row, not refused early.
    await until(async () => (await lockWaiters()) === 1);
    release();
    const [a, b] = await Promise.allSettled([first, second]);

    expect(a).toEqual({ status: 'fulfilled', value: '先到' });
    expect(b.status).toBe('rejected');
    expect(codeOf((b as PromiseRejectedResult).reason)).toEqual({
      code: 'CASE.VERSION_CONFLICT',
      kind: 'conflict',
      params: { current: 2 },
    });
    expect(await caseRow(m, c.id)).toMatchObject({ summary: '先到', version: 2 });
    expect((await auditRows(m, c.id)).map((r) => r.action)).toEqual(['case.updated']);
  });

  it('five writes racing at the same version: exactly one wins', async () => {
    const c = await seedCase(m, world, { status: 'received', version: 2 });
    const actions: CaseAction[] = ['refer', 'withdraw', 'update_details', 'refer', 'withdraw'];
    const results = await Promise.allSettled(
      actions.map((action, i) =>
        writer.write(as.clerkA, c.id, 2, action, async (_m, _c, now) => ({
          patch: action === 'withdraw' ? { result: 'withdrawn', route: 'none', closedAt: now } : {},
          audit: { action: `race.${i}` },
          result: i,
        })),
      ),
    );

    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CASE.VERSION_CONFLICT' });
    const winner = (won[0] as PromiseFulfilledResult<number>).value;
    expect(await caseRow(m, c.id)).toMatchObject({ version: 3 });
    expect((await auditRows(m, c.id)).map((r) => r.action)).toEqual([`race.${winner}`]);
  });

  it('the system (no user) needs no scope: it closes any court’s case, audited without an actor', async () => {
    const c = await seedCase(m, world, {
      courtId: world.courts.b,
      regionId: world.regions.z1,
      status: 'in_mediation',
      mediatorId: world.users.mediatorZ1,
      version: 9,
    });

    await writer.write(systemContext('expiry'), c.id, 9, 'expire', async (_m, _c, now) => ({
      patch: { result: 'expired', route: 'court_filing', closedAt: now },
      audit: { action: 'case.expired' },
      result: undefined,
    }));

    expect(await caseRow(m, c.id)).toMatchObject({
      status: 'closed',
      version: 10,
      result: 'expired',
    });
    expect(await auditRows(m, c.id)).toEqual([
      expect.objectContaining({ action: 'case.expired', actor_id: null, actor_role: null }),
    ]);
    // Expiry tells the court's clerks, the mediator and the supervisors.
    const reminders = await reminderRows(m, c.id);
    expect(new Set(reminders.map((r) => r.kind))).toEqual(
      new Set(['case_expired', 'case_returned_to_court']),
    );
  });

  it('the system asking for a case that does not exist gets CASE.NOT_FOUND, and no refused access is recorded', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const error = await failureOf(
      writer.write(systemContext(), missing, 1, 'expire', withdrawChange),
    );
    expect(codeOf(error)).toMatchObject({ code: 'CASE.NOT_FOUND', kind: 'not_found' });
    expect(await auditRows(m, missing)).toEqual([]);
  });

  it('a change that fails rolls back what it wrote', async () => {
    const c = await seedCase(m, world, {
      status: 'in_mediation',
      mediatorId: world.users.mediatorX1,
    });
    const was = await footprint(c.id);

    const error = await failureOf(
      writer.write(as.mediatorX1, c.id, 1, 'schedule_session', async (manager) => {
        await manager.insert(CaseSession, {
          caseId: c.id,
          mediatorId: world.users.mediatorX1,
          scheduledAt: new Date(Date.now() + 86_400_000),
          location: '百合调解室',
          mode: 'in_person',
          format: 'joint',
        });
        throw new DomainError('SESSION.JOINT_NOT_ALLOWED', 'conflict');
      }),
    );

    expect(codeOf(error)).toMatchObject({ code: 'SESSION.JOINT_NOT_ALLOWED' });
    expect(await m.ds.getRepository(CaseSession).countBy({ caseId: c.id })).toBe(0);
    expect(await footprint(c.id)).toEqual(was);
  });

  it('amend keeps the status and the version, is audited, and the reminders follow', async () => {
    const c = await seedCase(m, world, {
      status: 'in_mediation',
      mediatorId: world.users.mediatorX1,
      version: 6,
    });
    const applicant = await seedParty(m, c, { role: 'applicant' });
    await seedParty(m, c, { role: 'respondent', phone: '13900000002' });
    await seedSession(m, c);
    await syncReminders(m, c.id);
    const partySms = async (partyId: string) =>
      (await reminderRows(m, c.id)).filter((r) => r.recipient_id === partyId).map((r) => r.status);
    expect(await partySms(applicant.id)).toEqual(['scheduled', 'scheduled']); // 24 h and 2 h before
    const others = (await reminderRows(m, c.id)).filter((r) => r.recipient_id !== applicant.id);

    const result = await writer.amend(as.clerkA, c.id, async (manager) => {
      await manager.update(Party, { id: applicant.id }, { smsOptOut: true });
      return {
        audit: {
          action: 'party.sms_preferences_changed',
          entityType: 'party',
          entityId: applicant.id,
          before: { smsOptOut: false },
          after: { smsOptOut: true },
        },
        result: 'amended',
      };
    });

    expect(result).toBe('amended');
    expect(await caseRow(m, c.id)).toMatchObject({ status: 'in_mediation', version: 6 });
    expect(await partySms(applicant.id)).toEqual(['cancelled', 'cancelled']);
    const still = (await reminderRows(m, c.id)).filter((r) => r.recipient_id !== applicant.id);
    expect(still).toEqual(others);
    expect(await auditRows(m, c.id)).toEqual([
      {
        action: 'party.sms_preferences_changed',
        actor_id: world.users.clerkA,
        actor_role: 'clerk',
        entity_type: 'party',
        entity_id: applicant.id,
        case_id: c.id,
        before: { smsOptOut: false },
        after: { smsOptOut: true },
      },
    ]);
  });

  it('amend of a case that does not exist is CASE.NOT_FOUND', async () => {
    const error = await failureOf(
      writer.amend(as.clerkA, '00000000-0000-4000-8000-000000000000', mustNotRun),
    );
    expect(codeOf(error)).toMatchObject({ code: 'CASE.NOT_FOUND', kind: 'not_found' });
  });

  /** Sessions of this database waiting for a lock. */
  async function lockWaiters(): Promise<number> {
    const [row]: { n: string }[] = await m.ds.query(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return Number(row.n);
  }
});

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
