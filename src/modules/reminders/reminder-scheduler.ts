import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Env } from '../../config/env.js';
import { JobName } from '../../queue/jobs.js';
import { OutboxService } from '../../queue/outbox.service.js';
import { loadCaseSnapshot } from './case-snapshot.js';
import { parseDurations } from './reminder-kinds.js';
import { planReminders, type PlannedReminder, type Timings } from './reminder-plan.js';
import { timingsFrom } from './reminder-timings.js';
import { ReminderMetrics } from './reminder-metrics.js';

export const reminderJobId = (id: string, version: number): string => `reminder-${id}-v${version}`;

interface ExistingRow {
  id: string;
  key: string;
  status: string;
  version: number;
  due_at: Date;
}

/**
 * Keeps a case's reminder rows equal to its plan, inside the transaction of the change (the case
 * row is locked by CaseWriter, so two syncs of one case never interleave): new reminders are
 * inserted with an outbox row for their timer, moved ones get a new version and a new timer,
 * reminders no longer planned are cancelled. Old timers stay in Redis and do nothing when they fire.
 */
@Injectable()
export class ReminderScheduler {
  readonly timings: Timings;
  private readonly staleMs: number;

  constructor(
    env: Env,
    private readonly outbox: OutboxService,
    private readonly metrics: ReminderMetrics,
  ) {
    this.timings = timingsFrom(env);
    this.staleMs = parseDurations(env.REMINDER_STALE_AFTER)[0];
  }

  async sync(manager: EntityManager, caseId: string, now: Date): Promise<void> {
    const snapshot = await loadCaseSnapshot(manager, caseId);
    const planned = snapshot ? planReminders(snapshot, this.timings) : [];
    const rows: ExistingRow[] = await manager.query(
      `SELECT id, key, status, version, due_at FROM reminders WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
    const scheduled = new Map(rows.filter((r) => r.status === 'scheduled').map((r) => [r.key, r]));
    const done = new Set(
      rows.filter((r) => r.status !== 'scheduled').map((r) => `${r.key}@${r.due_at.getTime()}`),
    );
    const skipped = new Map(rows.filter((r) => r.status === 'skipped').map((r) => [r.key, r]));
    const wanted = new Set(planned.map((p) => p.key));

    const cancel = [...scheduled.values()].filter((r) => !wanted.has(r.key));
    if (cancel.length > 0) {
      await manager.query(
        `UPDATE reminders SET status = 'cancelled', updated_at = now() WHERE id = ANY($1::bigint[])`,
        [cancel.map((r) => r.id)],
      );
      await this.retireTimers(manager, cancel);
    }
    for (const p of planned) {
      const row = scheduled.get(p.key);
      if (row) {
        if (row.due_at.getTime() !== p.dueAt.getTime()) await this.move(manager, row, p.dueAt);
      } else if (!done.has(`${p.key}@${p.dueAt.getTime()}`)) {
        const stale = p.dueAt.getTime() < now.getTime() - this.staleMs;
        const old = skipped.get(p.key);
        // Still past due after a move: the skipped row follows, no second one.
        if (stale && old) await this.moveSkipped(manager, old, p.dueAt);
        else await this.insert(manager, caseId, p, stale);
      }
    }
  }

  private async insert(
    manager: EntityManager,
    caseId: string,
    p: PlannedReminder,
    stale: boolean,
  ): Promise<void> {
    // Planned long after it was due (a session booked for within the hour has no "24 h before"):
    // recorded as skipped so the list shows it, never sent.
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO reminders (case_id, kind, key, recipient_type, recipient_id, channel, subject_id, due_at, status, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        caseId,
        p.kind,
        p.key,
        p.recipientType,
        p.recipientId,
        p.channel,
        p.subjectId,
        p.dueAt,
        stale ? 'skipped' : 'scheduled',
        stale ? 'already past due when planned' : null,
      ],
    );
    if (stale) return;
    await this.outbox.add(
      manager,
      JobName.SendReminder,
      { reminderId: row.id, version: 1 },
      { jobId: reminderJobId(row.id, 1), runAt: p.dueAt },
    );
    this.metrics.scheduled.inc({ kind: p.kind, channel: p.channel });
  }

  private async moveSkipped(manager: EntityManager, row: ExistingRow, dueAt: Date): Promise<void> {
    await manager.query(`UPDATE reminders SET due_at = $2, updated_at = now() WHERE id = $1`, [
      row.id,
      dueAt,
    ]);
  }

  private async move(manager: EntityManager, row: ExistingRow, dueAt: Date): Promise<void> {
    const version = row.version + 1;
    await manager.query(
      `UPDATE reminders SET due_at = $2, version = $3, updated_at = now() WHERE id = $1`,
      [row.id, dueAt, version],
    );
    await this.retireTimers(manager, [row]);
    await this.outbox.add(
      manager,
      JobName.SendReminder,
      { reminderId: row.id, version },
      { jobId: reminderJobId(row.id, version), runAt: dueAt },
    );
  }

  /**
   * The old timers' outbox rows are done: the reconciler must not restore them. If one fires
   * anyway (it is still in Redis), the worker sees the old version and does nothing.
   */
  private async retireTimers(manager: EntityManager, rows: ExistingRow[]): Promise<void> {
    await manager.query(
      `UPDATE outbox SET status = 'processed', processed_at = now()
        WHERE job_id = ANY($1::varchar[]) AND status <> 'processed'`,
      [rows.map((r) => reminderJobId(r.id, r.version))],
    );
  }
}
