import { startReminderStack, type ReminderStack } from '../support/reminder-stack.js';

const D = 86_400_000;

interface Row {
  kind: string;
  recipient: string;
  dueAt: string;
  status: string;
  version: number;
}

/** The reminders after closure: follow-ups, judicial confirmation, registry divorce, refusal. */
describe('reminders after closure (e2e)', () => {
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

  const reminders = async (caseId: string, kind: string): Promise<Row[]> =>
    ((await s.get('supervisorx', `/cases/${caseId}/reminders`).expect(200)).body as Row[]).filter(
      (r) => r.kind === kind,
    );
  /** A case closed with this outcome; returns the next version. */
  const closedWith = async (
    outcome: object,
  ): Promise<{
    id: string;
    version: number;
    children: { id: string }[];
    parties: { id: string }[];
  }> => {
    const c = await s.inMediation();
    let v = c.version;
    const body = typeof outcome === 'function' ? (outcome as (x: typeof c) => object)(c) : outcome;
    await s
      .send('mediatorx1', 'post', `/cases/${c.id}/outcome`, { ...body, version: v++ })
      .expect(204);
    await s
      .send('supervisorx', 'post', `/cases/${c.id}/review`, { decision: 'approve', version: v++ })
      .expect(204);
    return { ...c, version: v };
  };

  it('follow-up due: the mediator on the day, supervisors 7 days late; a recorded visit cancels them', async () => {
    const c = await closedWith({ result: 'reconciled', route: 'none' });
    const rows = await reminders(c.id, 'follow_up_due');
    expect(rows.map((r) => `${r.recipient} ${r.status}`).sort()).toEqual([
      'mediatorx1 scheduled',
      'mediatorx1 scheduled',
      'supervisorx scheduled',
      'supervisorx scheduled',
    ]);
    const detail = (await s.get('mediatorx1', `/cases/${c.id}`).expect(200)).body;
    const first = detail.followUps[0];
    const due = rows
      .filter((r) => r.recipient === 'mediatorx1')
      .map((r) => r.dueAt)
      .sort()[0];
    expect(due).toBe(new Date(`${first.dueOn}T09:00:00+08:00`).toISOString());
    await s
      .send('mediatorx1', 'post', `/cases/${c.id}/follow-ups`, {
        followUpId: first.id,
        visitedAt: new Date().toISOString(),
        performance: 'performed',
        satisfaction: 5,
        version: c.version,
      })
      .expect(204);
    const after = await reminders(c.id, 'follow_up_due');
    expect(after.filter((r) => r.status === 'cancelled')).toHaveLength(2);
    expect(after.filter((r) => r.status === 'scheduled')).toHaveLength(2);
  });

  it('judicial confirmation window: 20 days after the agreement takes effect; an application cancels it', async () => {
    // After the acceptance (now): the case's clock refuses an agreement in effect before it.
    const effectiveAt = new Date(Date.now() + 86_400_000).toISOString();
    const c = await closedWith((x: { children: { id: string }[] }) => ({
      result: 'ancillary_agreed',
      route: 'judicial_confirmation',
      agreement: {
        effectiveAt,
        form: 'written',
        children: [
          {
            childId: x.children[0].id,
            support: { amount: '1200', frequency: 'monthly', method: 'bank_transfer' },
          },
        ],
      },
    }));
    const rows = await reminders(c.id, 'judicial_confirmation_window');
    expect(rows.map((r) => r.recipient).sort()).toEqual(['clerka', 'mediatorx1']);
    expect(
      rows.every((r) => r.dueAt === new Date(Date.parse(effectiveAt) + 20 * D).toISOString()),
    ).toBe(true);
    await s
      .send('clerka', 'post', `/cases/${c.id}/judicial-confirmation`, {
        appliedAt: new Date().toISOString(),
        version: c.version,
      })
      .expect(204);
    expect((await reminders(c.id, 'judicial_confirmation_window')).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });

  it('registry divorce: day 30 and 60 to the mediator, moved by the application, cancelled by the certificate', async () => {
    const c = await closedWith((x: { children: { id: string }[] }) => ({
      result: 'divorce_agreed',
      route: 'registry_divorce',
      agreement: {
        effectiveAt: new Date(Date.now() + 86_400_000).toISOString(),
        form: 'written',
        children: [
          {
            childId: x.children[0].id,
            custody: 'applicant',
            heard: true,
            support: {
              amount: '1500.00',
              frequency: 'monthly',
              method: 'bank_transfer',
              until: '2034-05-01',
            },
            visitation: '每月第一、三个周末',
          },
        ],
      },
    }));
    expect((await reminders(c.id, 'registry_cooling_off')).map((r) => r.status)).toEqual([
      'scheduled',
      'scheduled',
    ]);
    const appliedAt = new Date(Date.now() + 2 * D).toISOString();
    await s
      .send('clerka', 'post', `/cases/${c.id}/registry-divorce`, { appliedAt, version: c.version })
      .expect(204);
    const moved = await reminders(c.id, 'registry_cooling_off');
    expect(moved.map((r) => [r.dueAt, r.version])).toEqual([
      [new Date(Date.parse(appliedAt) + 30 * D).toISOString(), 2],
      [new Date(Date.parse(appliedAt) + 60 * D).toISOString(), 2],
    ]);
    await s
      .send('clerka', 'post', `/cases/${c.id}/registry-divorce`, {
        appliedAt,
        certificateAt: new Date(Date.parse(appliedAt) + 31 * D).toISOString(),
        version: c.version + 1,
      })
      .expect(204);
    expect((await reminders(c.id, 'registry_cooling_off')).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });
});
