import { parseQuietHours } from './quiet-hours.js';
import { planReminders, type CaseSnapshot, type Timings } from './reminder-plan.js';
import { maskName, partySessionSms } from './message-templates.js';

const H = 3_600_000;
const D = 24 * H;
const sh = (local: string): Date => new Date(`${local}+08:00`);

const timings: Timings = {
  sessionLeads: [24 * H, 2 * H],
  deadlineLeads: [7 * D, 3 * D, 1 * D],
  assignmentEscalation: 48 * H,
  reviewRepeat: 3 * D,
  judicialConfirmationAfter: 20 * D,
  registryAfter: [30 * D, 60 * D],
  followUpEscalation: 7 * D,
  quietHours: parseQuietHours('21:00-08:00'),
  webhook: true,
};

const base = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  id: 'c1',
  status: 'in_mediation',
  result: null,
  route: null,
  closedAt: null,
  deadlineAt: sh('2026-12-20T23:59:59'),
  mediatorId: 'med',
  mediatorHasPhone: true,
  assignment: { assignedAt: sh('2026-11-20T10:00:00'), acceptedAt: sh('2026-11-20T11:00:00') },
  sessions: [],
  pendingOutcome: null,
  agreementEffectiveAt: null,
  tracking: null,
  followUps: [],
  parties: [
    { id: 'p1', hasPhone: true, smsOptOut: false },
    { id: 'p2', hasPhone: true, smsOptOut: true },
    { id: 'p3', hasPhone: false, smsOptOut: false },
  ],
  supervisorIds: ['sup'],
  clerkIds: ['clerk'],
  courtId: 'court',
  ...over,
});

const summary = (c: CaseSnapshot) =>
  planReminders(c, timings).map(
    (p) => `${p.kind} ${p.recipientType}:${p.recipientId} ${p.channel} ${p.dueAt.toISOString()}`,
  );

describe('planReminders: the catalogue', () => {
  it('assignment pending: the mediator at once, the supervisors after 48 h', () => {
    const plan = summary(
      base({
        status: 'assigned',
        assignment: { assignedAt: sh('2026-11-20T10:00:00'), acceptedAt: null },
      }),
    );
    expect(plan).toEqual([
      `assignment_pending user:med in_app ${sh('2026-11-20T10:00:00').toISOString()}`,
      `assignment_pending user:sup in_app ${sh('2026-11-22T10:00:00').toISOString()}`,
    ]);
  });

  it('session upcoming: mediator in-app and SMS, parties by SMS unless opted out or without phone; quiet hours for parties only', () => {
    const plan = summary(
      base({
        deadlineAt: null,
        sessions: [{ id: 's1', scheduledAt: sh('2026-11-25T07:30:00'), status: 'scheduled' }],
      }),
    );
    expect(plan).toEqual([
      `session_upcoming user:med in_app ${sh('2026-11-24T07:30:00').toISOString()}`,
      `session_upcoming user:med sms ${sh('2026-11-24T07:30:00').toISOString()}`,
      // 07:30 the day before is in quiet hours: 08:00 is still before the session.
      `session_upcoming party:p1 sms ${sh('2026-11-24T08:00:00').toISOString()}`,
      `session_upcoming user:med in_app ${sh('2026-11-25T05:30:00').toISOString()}`,
      `session_upcoming user:med sms ${sh('2026-11-25T05:30:00').toISOString()}`,
      // 05:30 is in quiet hours and 08:00 is after the session: 20:59 the evening before.
      `session_upcoming party:p1 sms ${sh('2026-11-24T20:59:00').toISOString()}`,
    ]);
  });

  it('a moved session keeps its keys; a cancelled one has none', () => {
    const at = (t: string) =>
      base({ sessions: [{ id: 's1', scheduledAt: sh(t), status: 'scheduled' }] });
    const keys = (c: CaseSnapshot) =>
      planReminders(c, timings)
        .map((p) => p.key)
        .sort();
    expect(keys(at('2026-11-25T09:30:00'))).toEqual(keys(at('2026-11-27T15:00:00')));
    expect(
      summary(
        base({
          deadlineAt: null,
          sessions: [{ id: 's1', scheduledAt: sh('2026-11-25T09:30:00'), status: 'cancelled' }],
        }),
      ),
    ).toEqual([]);
  });

  it('deadline approaching: 7, 3 and 1 days before, at 09:00, to the mediator and supervisors', () => {
    const plan = summary(base());
    expect(plan).toContain(
      `deadline_approaching user:med in_app ${sh('2026-12-13T09:00:00').toISOString()}`,
    );
    expect(plan).toContain(
      `deadline_approaching user:sup in_app ${sh('2026-12-17T09:00:00').toISOString()}`,
    );
    expect(plan).toContain(
      `deadline_approaching user:sup in_app ${sh('2026-12-19T09:00:00').toISOString()}`,
    );
    expect(plan).toHaveLength(6);
  });

  it('review pending: supervisors at submission and again after 3 days', () => {
    const plan = summary(
      base({
        status: 'pending_review',
        pendingOutcome: { submittedAt: sh('2026-11-26T10:00:00') },
      }),
    );
    expect(plan).toEqual([
      `review_pending user:sup in_app ${sh('2026-11-26T10:00:00').toISOString()}`,
      `review_pending user:sup in_app ${sh('2026-11-29T10:00:00').toISOString()}`,
    ]);
  });

  it('expiry: clerk, mediator, supervisor; the court hears case.closed, case.expired and case.returned_to_court', () => {
    const closedAt = sh('2026-12-21T00:00:30');
    const plan = summary(
      base({ status: 'closed', result: 'expired', route: 'court_filing', closedAt }),
    );
    const t = closedAt.toISOString();
    expect(plan.sort()).toEqual(
      [
        `case_closed court:court webhook ${t}`,
        `case_expired user:clerk in_app ${t}`,
        `case_expired user:med in_app ${t}`,
        `case_expired user:sup in_app ${t}`,
        `case_expired court:court webhook ${t}`,
        `case_returned_to_court user:clerk in_app ${t}`,
        `case_returned_to_court court:court webhook ${t}`,
      ].sort(),
    );
  });

  it('closing a case removes its session, deadline and review reminders', () => {
    const closed = base({
      status: 'closed',
      result: 'withdrawn',
      route: 'none',
      closedAt: sh('2026-11-30T10:00:00'),
      sessions: [{ id: 's1', scheduledAt: sh('2026-12-01T09:30:00'), status: 'scheduled' }],
    });
    expect(summary(closed)).toEqual([
      `case_closed court:court webhook ${sh('2026-11-30T10:00:00').toISOString()}`,
    ]);
  });

  it('judicial confirmation window: 20 days after the agreement takes effect, until an application is recorded', () => {
    const c = base({
      status: 'closed',
      result: 'ancillary_agreed',
      route: 'judicial_confirmation',
      closedAt: sh('2026-11-30T10:00:00'),
      agreementEffectiveAt: sh('2026-11-28T00:00:00'),
    });
    expect(summary(c)).toContain(
      `judicial_confirmation_window user:med in_app ${sh('2026-12-18T00:00:00').toISOString()}`,
    );
    expect(summary(c)).toContain(
      `judicial_confirmation_window user:clerk in_app ${sh('2026-12-18T00:00:00').toISOString()}`,
    );
    const applied = {
      ...c,
      tracking: {
        jcAppliedAt: sh('2026-12-01T10:00:00'),
        registryAppliedAt: null,
        registryCertificateAt: null,
      },
    };
    expect(summary(applied).filter((s) => s.startsWith('judicial'))).toEqual([]);
  });

  it('registry divorce: day 30 and 60 to the mediator, until the certificate', () => {
    const c = base({
      status: 'closed',
      result: 'divorce_agreed',
      route: 'registry_divorce',
      closedAt: sh('2026-11-30T10:00:00'),
      tracking: {
        jcAppliedAt: null,
        registryAppliedAt: sh('2026-12-01T10:00:00'),
        registryCertificateAt: null,
      },
    });
    expect(summary(c).filter((s) => s.startsWith('registry'))).toEqual([
      `registry_cooling_off user:med in_app ${sh('2026-12-31T10:00:00').toISOString()}`,
      `registry_cooling_off user:med in_app ${sh('2027-01-30T10:00:00').toISOString()}`,
    ]);
  });

  it('follow-up due: the mediator on the day, supervisors 7 days late, none once visited', () => {
    const c = base({
      status: 'closed',
      result: 'reconciled',
      route: 'none',
      closedAt: sh('2026-11-30T10:00:00'),
      followUps: [
        { id: 'f1', dueOn: '2026-12-30', visitedAt: null },
        { id: 'f2', dueOn: '2027-02-28', visitedAt: sh('2027-02-27T10:00:00') },
      ],
    });
    expect(summary(c).filter((s) => s.startsWith('follow'))).toEqual([
      `follow_up_due user:med in_app ${sh('2026-12-30T09:00:00').toISOString()}`,
      `follow_up_due user:sup in_app ${sh('2027-01-06T09:00:00').toISOString()}`,
    ]);
  });

  it('no webhook rows when no court webhook is configured', () => {
    const c = base({
      status: 'closed',
      result: 'withdrawn',
      route: 'none',
      closedAt: sh('2026-11-30T10:00:00'),
    });
    expect(planReminders(c, { ...timings, webhook: false })).toEqual([]);
  });
});

describe('SMS texts', () => {
  it('names the party and the place, masks names, carries no ID number, party phone or address', () => {
    const text = partySessionSms({
      partyName: '张丽华',
      at: sh('2026-11-25T09:30:00'),
      place: '城关镇百合调解室',
      mediatorName: '王芳',
      mediatorPhone: '138****5678',
    });
    expect(text).toBe(
      '【家事调解】张某某您好，您的调解定于11月25日9:30在城关镇百合调解室进行。如需改期请联系调解员王某 138****5678。',
    );
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  });

  it('for a DV-flagged party without permission, leaves the place out', () => {
    const text = partySessionSms({
      partyName: '张丽华',
      at: sh('2026-11-25T09:30:00'),
      place: null,
      mediatorName: '王芳',
      mediatorPhone: null,
    });
    expect(text).toBe(
      '【家事调解】张某某您好，您的调解定于11月25日9:30进行。如需改期请联系调解员王某。',
    );
  });

  it('masks names', () => {
    expect(maskName('王芳')).toBe('王某');
    expect(maskName('欧阳娜娜')).toBe('欧某某某');
  });
});
