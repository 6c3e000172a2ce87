import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { errorMessage } from '../../common/errors/error-message.js';
import { Env } from '../../config/env.js';
import { afterCommit } from '../../common/sql/after-commit.js';
import { JobHandler } from '../../queue/job-handler.decorator.js';
import { JobName, JobPayloads } from '../../queue/jobs.js';
import { CaseRepository } from '../cases/case.repository.js';
import { composeMessage, type Message } from './compose-message.js';
import { ReminderMetrics } from './reminder-metrics.js';
import { planReminders } from './reminder-plan.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { Reminder } from './reminder.entity.js';
import { PermanentDeliveryError, postSignedJson } from './signed-http.js';
import { SmsGateway } from './sms-gateway.js';

type Outcome = 'sent' | 'superseded' | 'cancelled' | 'skipped' | 'already' | 'gone';
type External = Extract<Message, { channel: 'sms' | 'webhook' }>;

const reminderFromRow = (r: Record<string, unknown>): Reminder =>
  Object.assign(new Reminder(), {
    id: String(r.id),
    caseId: r.case_id,
    kind: r.kind,
    key: r.key,
    recipientType: r.recipient_type,
    recipientId: r.recipient_id,
    channel: r.channel,
    subjectId: r.subject_id,
    dueAt: r.due_at as Date,
    version: Number(r.version),
    status: r.status,
  });

const recipientOf = (r: Reminder): string => `${r.recipientType}:${r.recipientId}`;
const errorText = (e: unknown): string => errorMessage(e).slice(0, 500);

/**
 * Fires a reminder: re-reads the row and the case (a cancelled, moved or no-longer-relevant
 * reminder does nothing), then sends through its channel exactly once. In-app: the notification,
 * the delivery and the status in one transaction. SMS and webhook: the delivery row
 * `(reminder, channel, recipient)` is claimed first, the request carries the idempotency key
 * `reminder-<id>`, and a retry after a crash repeats the same request, never a new one.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger(ReminderSender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly cipher: FieldCipher,
    private readonly sms: SmsGateway,
    private readonly scheduler: ReminderScheduler,
    private readonly metrics: ReminderMetrics,
    private readonly cases: CaseRepository,
  ) {}

  @JobHandler(JobName.SendReminder)
  async send(payload: JobPayloads[JobName.SendReminder]): Promise<{ outcome: Outcome }> {
    const prepared = await this.dataSource.transaction((m) => this.prepare(m, payload));
    if (!('message' in prepared)) return prepared;
    const { reminder, message } = prepared;
    try {
      await this.deliver(reminder, message);
    } catch (error) {
      // Only a refusal (4xx) fails the reminder for good. A transient error is retried with
      // backoff; once the job's attempts are spent the reminder stays `scheduled` with its last
      // error, and ReminderRedrive gives it a new timer (the same delivery, the same key).
      const permanent = error instanceof PermanentDeliveryError;
      await this.dataSource.query(
        `UPDATE reminders SET last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END,
                updated_at = now() WHERE id = $1 AND version = $4`,
        [reminder.id, errorText(error), permanent, reminder.version],
      );
      if (!permanent) throw error;
      await this.dataSource.query(
        `UPDATE reminder_deliveries SET status = 'failed' WHERE reminder_id = $1 AND status = 'pending'`,
        [reminder.id],
      );
      this.metrics.failed.inc({ kind: reminder.kind, channel: reminder.channel });
      throw new UnrecoverableError(errorText(error));
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE reminder_deliveries SET status = 'sent', sent_at = now() WHERE reminder_id = $1`,
        [reminder.id],
      );
      await this.markSent(m, reminder);
    });
    return { outcome: 'sent' };
  }

  /** In one transaction, with the reminder row locked: decide, and finish in-app sends. */
  private async prepare(
    m: EntityManager,
    payload: JobPayloads[JobName.SendReminder],
  ): Promise<{ outcome: Outcome } | { reminder: Reminder; message: External }> {
    // The row lock orders this with the case's transactions, which cancel or move the reminder.
    const [row]: Record<string, unknown>[] = await m.query(
      `SELECT * FROM reminders WHERE id = $1 FOR UPDATE`,
      [payload.reminderId],
    );
    if (!row) return { outcome: 'gone' };
    const reminder = reminderFromRow(row);
    if (reminder.version !== payload.version) return { outcome: 'superseded' };
    if (reminder.status !== 'scheduled') return { outcome: 'already' };
    const snapshot = await this.cases.reminderFacts(m, reminder.caseId);
    const stillPlanned =
      snapshot !== null &&
      planReminders(snapshot, this.scheduler.timings).some(
        (p) => p.key === reminder.key && p.dueAt.getTime() === reminder.dueAt.getTime(),
      );
    if (!stillPlanned) {
      await this.finish(m, reminder, 'cancelled', 'no longer relevant when due');
      return { outcome: 'cancelled' };
    }
    const facts = await this.cases.reminderMessageFacts(m, reminder.caseId, {
      sessionId: reminder.subjectId,
      partyId: reminder.recipientType === 'party' ? reminder.recipientId : null,
      userId: reminder.recipientType === 'user' ? reminder.recipientId : null,
    });
    const message: Message = facts
      ? composeMessage(facts, this.cipher, reminder)
      : { channel: 'none', reason: 'the case is gone' };
    if (message.channel === 'none') {
      await this.finish(m, reminder, 'skipped', message.reason);
      return { outcome: 'skipped' };
    }
    const claimed: { status: string }[] = await m.query(
      `INSERT INTO reminder_deliveries (reminder_id, channel, recipient, status, attempts)
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (reminder_id, channel, recipient)
       DO UPDATE SET attempts = reminder_deliveries.attempts + 1
       RETURNING status`,
      [
        reminder.id,
        reminder.channel,
        recipientOf(reminder),
        message.channel === 'in_app' ? 'sent' : 'pending',
      ],
    );
    // One UPDATE of the row per transaction: a second one would re-check its foreign key and
    // wait for the case row, which a case transaction holds while it waits for this row.
    if (claimed[0]?.status === 'sent' || message.channel === 'in_app') {
      if (message.channel === 'in_app') {
        await m.query(
          `INSERT INTO notifications (user_id, case_id, reminder_id, kind, title, body)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (reminder_id) DO NOTHING`,
          [
            message.userId,
            reminder.caseId,
            reminder.id,
            reminder.kind,
            message.text.title,
            message.text.body,
          ],
        );
      }
      await this.markSent(m, reminder, 1);
      return { outcome: 'sent' };
    }
    await m.query(`UPDATE reminders SET attempts = attempts + 1 WHERE id = $1`, [reminder.id]);
    return { reminder, message };
  }

  private async deliver(reminder: Reminder, message: External): Promise<void> {
    const key = `reminder-${reminder.id}`;
    if (message.channel === 'sms') {
      await this.sms.send({ to: message.to, text: message.text, idempotencyKey: key });
      return;
    }
    if (!this.env.COURT_WEBHOOK_URL)
      throw new PermanentDeliveryError('COURT_WEBHOOK_URL is not set');
    await postSignedJson(
      this.env.COURT_WEBHOOK_URL,
      this.env.COURT_WEBHOOK_SECRET,
      message.body,
      key,
      this.env.COURT_WEBHOOK_TIMEOUT_MS,
    );
  }

  private async markSent(m: EntityManager, r: Reminder, attempted = 0): Promise<void> {
    const sentAt = new Date();
    const lateness = Math.max(0, sentAt.getTime() - r.dueAt.getTime());
    await m.query(
      `UPDATE reminders SET status = 'sent', sent_at = $2, lateness_ms = $3, last_error = NULL,
              attempts = attempts + $4, updated_at = now() WHERE id = $1`,
      [r.id, sentAt, Math.min(lateness, 2_147_483_647), attempted],
    );
    afterCommit(m, () => {
      this.metrics.sent.inc({ kind: r.kind, channel: r.channel });
      this.metrics.lateness.observe({ channel: r.channel }, lateness / 1000);
    });
  }

  private async finish(
    m: EntityManager,
    r: Reminder,
    status: 'cancelled' | 'skipped',
    reason: string,
  ): Promise<void> {
    await m.query(
      `UPDATE reminders SET status = $2, last_error = $3, updated_at = now() WHERE id = $1`,
      [r.id, status, reason],
    );
    this.logger.debug(`Reminder ${r.id} ${status}: ${reason}`);
  }
}
