import type { ChildProcess } from 'node:child_process';
import { startReminderStack, type ReminderStack } from '../support/reminder-stack.js';
import { freePort } from '../support/redis-server.js';
import { waitFor } from '../support/reminders.js';
import { TEST_DATABASE_URL } from '../support/test-env.js';
import { ensureBuiltWorker, killHard, spawnWorker } from '../support/worker-process.js';

/** The value of one sample in Prometheus text, 0 when absent (a counter not yet incremented). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return 0;
}

/**
 * Who counts what: reminders are scheduled where the case changes (the API), sent by the worker.
 * Each process serves its own counters: the API at /metrics, a separate worker at
 * WORKER_METRICS_PORT, and the all-in-one process both at the API's /metrics.
 */
describe('reminder metrics across processes (e2e)', () => {
  let s: ReminderStack;
  const children: ChildProcess[] = [];

  afterEach(async () => {
    await Promise.all(children.splice(0).map(killHard));
    await s.close();
  });

  const scrapeApi = async (): Promise<string> =>
    (await s.t.http().get('/metrics').expect(200)).text;
  const sessionDueSoon = async (): Promise<void> => {
    await s.sessionDueIn(await s.inMediation(), 1_000);
  };
  const sentCount = async (): Promise<number> =>
    Number(
      (
        await s.t.ds.query(
          `SELECT count(*) AS n FROM reminders WHERE kind = 'session_upcoming' AND status = 'sent'`,
        )
      )[0].n,
    );
  const upcoming = { kind: 'session_upcoming' };

  it('API and worker as separate processes: the API counts what it scheduled, the worker serves what it sent on its own port', async () => {
    ensureBuiltWorker();
    s = await startReminderStack({}, false);
    await s.reset();
    const port = await freePort();
    const logFile = `/tmp/mediation-test-metrics-worker-${process.pid}.log`;
    children.push(
      spawnWorker(
        {
          ...s.env,
          DATABASE_URL: TEST_DATABASE_URL,
          LOG_FILE: logFile,
          LOG_LEVEL: 'warn',
          WORKER_METRICS_PORT: String(port),
        },
        logFile,
      ),
    );
    const scrapeWorker = async (): Promise<string> => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      return response.text();
    };
    await waitFor(
      'the worker metrics server',
      () =>
        fetch(`http://127.0.0.1:${port}/metrics`).then(
          (r) => r.ok,
          () => false,
        ),
      20_000,
    );

    const apiBefore = await scrapeApi();
    await sessionDueSoon();
    await waitFor('three session reminders sent', async () => (await sentCount()) === 3, 20_000);
    const api = await scrapeApi();
    const worker = await scrapeWorker();

    // The API scheduled them (one in-app and two SMS), and sent none.
    const scheduled = (text: string, channel: string): number =>
      sample(text, 'reminders_scheduled_total', { ...upcoming, channel });
    expect(scheduled(api, 'in_app') - scheduled(apiBefore, 'in_app')).toBe(1);
    expect(scheduled(api, 'sms') - scheduled(apiBefore, 'sms')).toBe(2);
    expect(sample(api, 'reminders_sent_total', upcoming)).toBe(0);
    // The worker sent them, and observed their lateness.
    expect(sample(worker, 'reminders_sent_total', { ...upcoming, channel: 'in_app' })).toBe(1);
    expect(sample(worker, 'reminders_sent_total', { ...upcoming, channel: 'sms' })).toBe(2);
    expect(sample(worker, 'reminder_lateness_seconds_count', { channel: 'sms' })).toBe(2);
    expect(sample(worker, 'reminders_failed_total', upcoming)).toBe(0);
    // Figures from PostgreSQL are the same wherever they are read.
    for (const text of [api, worker]) {
      expect(sample(text, 'reminders', { ...upcoming, channel: 'sms', status: 'sent' })).toBe(2);
      expect(sample(text, 'outbox_backlog', { status: 'pending' })).toBe(0);
    }
  }, 90_000);

  it('all in one process: the API /metrics serves the worker counters too', async () => {
    s = await startReminderStack();
    await s.reset();
    const before = await scrapeApi();
    await sessionDueSoon();
    await waitFor('three session reminders sent', async () => (await sentCount()) === 3, 20_000);
    const after = await scrapeApi();
    const delta = (name: string, channel: string): number =>
      sample(after, name, { ...upcoming, channel }) -
      sample(before, name, { ...upcoming, channel });
    expect(delta('reminders_scheduled_total', 'sms')).toBe(2);
    expect(delta('reminders_sent_total', 'in_app')).toBe(1);
    expect(delta('reminders_sent_total', 'sms')).toBe(2);
    expect(
      sample(after, 'reminder_lateness_seconds_count', { channel: 'sms' }) -
        sample(before, 'reminder_lateness_seconds_count', { channel: 'sms' }),
    ).toBe(2);
  }, 60_000);
});
