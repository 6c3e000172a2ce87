import { DEV_COURT_WEBHOOK_SECRET } from '../../src/config/env.js';
import { CaseClockService } from '../../src/modules/cases/clock/case-clock.service.js';
import { signBody } from '../../src/modules/reminders/signed-http.js';
import { APPLICANT_ID, APPLICANT_PHONE, consentAndScreen, createCase } from '../support/cases.js';
import { startReminderStack, type ReminderStack } from '../support/reminder-stack.js';
import { inMs, sleep, waitFor } from '../support/reminders.js';

const H = 3_600_000;
const D = 24 * H;

interface Row {
  id: string;
  kind: string;
  recipientType: string;
  recipient: string;
  channel: string;
  dueAt: string;
  status: string;
  version: number;
  attempts: number;
  latenessMs: number | null;
}

/** The reminders of real workflows: created, moved, cancelled and sent (real PostgreSQL, Redis, HTTP). */
describe('reminders (e2e)', () => {
  let s: ReminderStack;

  beforeAll(async () => {
    s = await startReminderStack();
  });
  beforeEach(async () => {
    await s.reset();
  });
  afterAll(async () => {
    await s.close();
  });

  /** A case assigned to mediatorx1 and not yet accepted. */
  const assignedCase = async () => {
    const c = await createCase(s.t, s.tok.clerka, s.world.regions.x1);
    let v = await consentAndScreen(s.t, s.tok.clerka, c);
    await s.send('clerka', 'post', `/cases/${c.id}/refer`, { version: v++ }).expect(204);
    await s
      .send('supervisorx', 'post', `/cases/${c.id}/assignment`, {
        mediatorId: s.world.users.mediatorX1,
        version: v++,
      })
      .expect(204);
    return { ...c, version: v };
  };
  const reminders = async (caseId: string, user = 'mediatorx1'): Promise<Row[]> =>
    (await s.get(user, `/cases/${caseId}/reminders`).expect(200)).body as Row[];
  const ofKind = (rows: Row[], kind: string, status?: string) =>
    rows.filter((r) => r.kind === kind && (!status || r.status === status));
  const notifications = async (user: string, q = '') =>
    (await s.get(user, `/notifications${q}`).expect(200)).body;
  const session = (caseId: string, version: number, at: string) =>
    s.send('mediatorx1', 'post', `/cases/${caseId}/sessions`, {
      scheduledAt: at,
      location: '百合调解室',
      mode: 'in_person',
      format: 'joint',
      version,
    });

  it('assignment, extension, sessions, outcome and closure create, move, cancel and send each reminder', async () => {
    // Assigned: the mediator at once; the supervisors if not accepted within 48 h.
    const c = await assignedCase();
    let v = c.version;
    await waitFor(
      'the assignment notice',
      async () => ofKind(await reminders(c.id), 'assignment_pending', 'sent').length === 1,
    );
    let rows = await reminders(c.id);
    const escalation = ofKind(rows, 'assignment_pending', 'scheduled');
    expect(escalation.map((r) => r.recipient)).toEqual(['supervisorx']);
    expect(
      Date.parse(escalation[0].dueAt) -
        Date.parse(ofKind(rows, 'assignment_pending', 'sent')[0].dueAt),
    ).toBe(48 * H);
    // Accepted: the escalation is cancelled and the legal clock's reminders appear.
    await s.send('mediatorx1', 'post', `/cases/${c.id}/accept`, { version: v++ }).expect(204);
    rows = await reminders(c.id);
    expect(
      ofKind(rows, 'assignment_pending')
        .map((r) => [r.recipient, r.status])
        .sort(),
    ).toEqual([
      ['mediatorx1', 'sent'],
      ['supervisorx', 'cancelled'],
    ]);
    const deadline = ofKind(rows, 'deadline_approaching', 'scheduled');
    expect(deadline).toHaveLength(6); // 7, 3, 1 days × mediator and supervisor
    expect(new Set(deadline.map((r) => r.recipient))).toEqual(
      new Set(['mediatorx1', 'supervisorx']),
    );

    // An extension moves them: same rows, a new version, ten days later.
    await s
      .send('mediatorx1', 'post', `/cases/${c.id}/extensions`, {
        days: 10,
        reason: '双方同意延期',
        applicantConsentAt: new Date().toISOString(),
        applicantConsentMethod: 'phone',
        respondentConsentAt: new Date().toISOString(),
        respondentConsentMethod: 'phone',
        version: v++,
      })
      .expect(204);
    const moved = ofKind(await reminders(c.id), 'deadline_approaching', 'scheduled');
    expect(moved.map((r) => r.id).sort()).toEqual(deadline.map((r) => r.id).sort());
    for (const r of moved) {
      const before = deadline.find((d) => d.id === r.id) as Row;
      expect(r.version).toBe(2);
      expect(Date.parse(r.dueAt) - Date.parse(before.dueAt)).toBe(10 * D);
    }

    // A session: mediator in-app, each party by SMS, 24 h and 2 h before; moved, then cancelled.
    const created = await session(c.id, v++, inMs(3 * D)).expect(201);
    const sessionRows = ofKind(await reminders(c.id), 'session_upcoming', 'scheduled');
    expect(sessionRows.map((r) => `${r.recipientType}/${r.channel}`).sort()).toEqual([
      'party/sms',
      'party/sms',
      'party/sms',
      'party/sms',
      'user/in_app',
      'user/in_app',
    ]);
    // The recipient is masked: a party shows as 张某某 138****0001, never in full.
    const party = sessionRows.find((r) => r.recipientType === 'party') as Row;
    expect(party.recipient).toMatch(/^[张李]某某 1[39]\d\*{4}\d{4}$/);
    const listing = JSON.stringify(await reminders(c.id, 'clerka'));
    expect(listing).not.toContain(APPLICANT_PHONE);
    expect(listing).not.toContain(APPLICANT_ID);

    await s
      .send('mediatorx1', 'patch', `/sessions/${created.body.id}`, {
        scheduledAt: inMs(4 * D),
        version: v++,
      })
      .expect(200);
    const rescheduled = ofKind(await reminders(c.id), 'session_upcoming', 'scheduled');
    expect(rescheduled.map((r) => r.id).sort()).toEqual(sessionRows.map((r) => r.id).sort());
    expect(rescheduled.every((r) => r.version === 2)).toBe(true);
    await s
      .send('mediatorx1', 'post', `/sessions/${created.body.id}/cancel`, {
        reason: '当事人生病',
        version: v++,
      })
      .expect(200);
    expect(ofKind(await reminders(c.id), 'session_upcoming', 'cancelled')).toHaveLength(6);

    // Outcome submitted: the deadline reminders go, the supervisors are told (now and in 3 days).
    await s
      .send('mediatorx1', 'post', `/cases/${c.id}/outcome`, {
        result: 'no_agreement',
        route: 'court_filing',
        version: v++,
      })
      .expect(204);
    rows = await reminders(c.id);
    expect(ofKind(rows, 'deadline_approaching', 'cancelled')).toHaveLength(6);
    expect(ofKind(rows, 'review_pending')).toHaveLength(2);
    await waitFor('the review notice', async () =>
      (await notifications('supervisorx')).items.some(
        (n: { kind: string }) => n.kind === 'review_pending',
      ),
    );

    // Approved: closed with route court_filing: the clerk is told, the court gets signed events.
    await s
      .send('supervisorx', 'post', `/cases/${c.id}/review`, { decision: 'approve', version: v })
      .expect(204);
    rows = await reminders(c.id);
    expect(ofKind(rows, 'review_pending', 'cancelled')).toHaveLength(1);
    await waitFor(
      'the clerk notice and two court events',
      async () =>
        (await notifications('clerka')).items.some(
          (n: { kind: string }) => n.kind === 'case_returned_to_court',
        ) && s.court.accepted().length === 2,
    );
    const events = s.court
      .accepted()
      .map((r) => r.body.event)
      .sort();
    expect(events).toEqual(['case.closed', 'case.returned_to_court']);
    for (const r of s.court.accepted()) {
      expect(r.headers['x-signature']).toBe(
        signBody(DEV_COURT_WEBHOOK_SECRET, String(r.headers['x-timestamp']), r.raw),
      );
      expect(r.raw).not.toContain(APPLICANT_ID);
      expect(r.raw).not.toContain(APPLICANT_PHONE);
      expect((r.body.case as { id: string }).id).toBe(c.id);
    }
    // Nothing else reached the SMS gateway: every session reminder was cancelled.
    expect(s.sms.requests).toHaveLength(0);
  });

  it('rescheduling a session 20 times quickly fires exactly one reminder per kind, at the last time', async () => {
    const c = await s.inMediation();
    let v = c.version;
    // The 2 h reminder of a session 2 h + 2 s away fires in 2 s; the 24 h one is already past (skipped).
    const created = await session(c.id, v++, inMs(2 * H + 2_000)).expect(201);
    let last = '';
    for (let i = 0; i < 20; i += 1) {
      last = inMs(2 * H + 1_500 + i * 40);
      await s
        .send('mediatorx1', 'patch', `/sessions/${created.body.id}`, {
          scheduledAt: last,
          version: v++,
        })
        .expect(200);
    }
    await waitFor(
      'the session reminders',
      async () => ofKind(await reminders(c.id), 'session_upcoming', 'sent').length === 3,
    );
    await sleep(1_500); // every older timer has come due meanwhile: each must have done nothing
    const rows = ofKind(await reminders(c.id), 'session_upcoming');
    const sent = rows.filter((r) => r.status === 'sent');
    expect(sent).toHaveLength(3); // mediator in-app, two parties by SMS
    for (const r of sent) {
      expect(r.version).toBe(21);
      expect(r.dueAt).toBe(new Date(Date.parse(last) - 2 * H).toISOString());
    }
    expect(rows.filter((r) => r.status === 'skipped')).toHaveLength(3); // the 24 h ones, one row each
    expect(s.sms.requests).toHaveLength(2);
    expect(new Set(s.sms.requests.map((r) => r.body.to))).toEqual(
      new Set([APPLICANT_PHONE, '13900000002']),
    );
    const inbox = (await notifications('mediatorx1')).items.filter(
      (n: { kind: string }) => n.kind === 'session_upcoming',
    );
    expect(inbox).toHaveLength(1);
    const [{ n }] = await s.t.ds.query(
      `SELECT count(*)::int AS n FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id
        WHERE r.kind = 'session_upcoming'`,
    );
    expect(n).toBe(3);
  });

  it('closing a case with reminders pending: none fires', async () => {
    const c = await s.inMediation();
    let v = c.version;
    await session(c.id, v++, inMs(2 * H + 1_500)).expect(201);
    await s
      .send('clerka', 'post', `/cases/${c.id}/withdraw`, { reason: '申请人撤回', version: v })
      .expect(204);
    await sleep(2_500);
    const rows = await reminders(c.id);
    expect(ofKind(rows, 'session_upcoming', 'sent')).toHaveLength(0);
    expect(ofKind(rows, 'deadline_approaching', 'cancelled')).toHaveLength(6);
    expect(s.sms.requests).toHaveLength(0);
    const kinds = (await notifications('mediatorx1')).items.map((n: { kind: string }) => n.kind);
    expect(kinds).not.toContain('session_upcoming');
  });

  it('automatic expiry tells the clerk, the mediator, the supervisor and the court', async () => {
    const c = await s.inMediation();
    // The legal clock ran out (as if 30 days had passed): the sweep closes the case.
    await s.t.ds.query(`UPDATE cases SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [
      c.id,
    ]);
    expect(await s.t.app.get(CaseClockService).expireOverdue()).toBe(1);
    for (const user of ['clerka', 'mediatorx1', 'supervisorx']) {
      await waitFor(`${user}'s expiry notice`, async () =>
        (await notifications(user)).items.some((n: { kind: string }) => n.kind === 'case_expired'),
      );
    }
    await waitFor('three court events', () => s.court.accepted().length === 3);
    expect(
      s.court
        .accepted()
        .map((r) => r.body.event)
        .sort(),
    ).toEqual(['case.closed', 'case.expired', 'case.returned_to_court']);
    const expired = ofKind(await reminders(c.id, 'clerka'), 'case_expired');
    expect(expired.every((r) => r.status === 'sent' && r.latenessMs !== null)).toBe(true);
  });

  it('opt-out and DV protection: no SMS to a party who opted out; no place for a DV-flagged party unless her mediator allows it', async () => {
    const c = await s.inMediation();
    let v = c.version;
    const [applicant, respondent] = c.parties;
    await s
      .send('clerka', 'put', `/parties/${respondent.id}/sms-preferences`, { smsOptOut: true })
      .expect(204);
    // Only her mediator may let a DV-flagged party's SMS name the place.
    await s
      .send('clerka', 'put', `/parties/${applicant.id}/sms-preferences`, {
        smsDetailsAllowed: true,
      })
      .expect(400);
    await s.t.ds.query(`UPDATE case_screenings SET dv_indicator = true WHERE party_id = $1`, [
      applicant.id,
    ]);
    await session(c.id, v++, inMs(2 * H + 1_000)).expect(201);
    const rows = ofKind(await reminders(c.id), 'session_upcoming');
    expect(
      rows.filter((r) => r.recipientType === 'party' && r.status === 'scheduled'),
    ).toHaveLength(1);
    await waitFor('one SMS', () => s.sms.accepted().length === 1);
    const text = String(s.sms.accepted()[0].body.text);
    expect(text).toMatch(/^【家事调解】张某某您好，您的调解定于\d+月\d+日\d+:\d\d进行。/);
    expect(text).not.toContain('百合调解室');
    expect(text).not.toContain('李');
    expect(text).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}|胶西村12号/);
    expect(s.sms.accepted()[0].body.to).toBe(APPLICANT_PHONE);

    await s
      .send('mediatorx1', 'put', `/parties/${applicant.id}/sms-preferences`, {
        smsDetailsAllowed: true,
      })
      .expect(204);
    await session(c.id, v, inMs(2 * H + 1_000)).expect(201);
    await waitFor('a second SMS', () => s.sms.accepted().length === 2);
    expect(String(s.sms.accepted()[1].body.text)).toContain('在百合调解室进行');
  });

  it('notifications: own only, ?unread, mark read, unread count', async () => {
    await assignedCase();
    await waitFor(
      'the assignment notice',
      async () => (await notifications('mediatorx1')).total === 1,
    );
    const page = await notifications('mediatorx1', '?unread=true');
    expect(page).toMatchObject({ total: 1, unreadCount: 1 });
    const id = page.items[0].id as string;
    expect(page.items[0].body).toMatch(/诉前调\d+号 已分派/);
    await s.send('mediatorz1', 'post', `/notifications/${id}/read`).expect(404);
    expect((await notifications('mediatorz1')).total).toBe(0);
    await s.send('mediatorx1', 'post', `/notifications/${id}/read`).expect(204);
    expect((await notifications('mediatorx1', '?unread=true')).total).toBe(0);
    expect((await s.get('mediatorx1', '/notifications/unread-count').expect(200)).body).toEqual({
      unreadCount: 0,
    });
    expect((await notifications('mediatorx1')).items[0].readAt).toBeTruthy();
  });

  it('a case out of scope: its reminders are 404', async () => {
    const c = await s.inMediation();
    await s.get('mediatorz1', `/cases/${c.id}/reminders`).expect(404);
    await s.get('clerkb', `/cases/${c.id}/reminders`).expect(404);
    await s
      .send('clerkb', 'put', `/parties/${c.parties[0].id}/sms-preferences`, { smsOptOut: true })
      .expect(404);
  });
});
