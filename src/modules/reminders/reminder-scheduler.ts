import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Env } from '../../config/env.js';
import { afterCommit } from '../../common/sql/after-commit.js';
import { JOBS, JobName } from '../../queue/jobs.js';
import { OutboxService } from '../../queue/outbox.service.js';
import type { Case } from '../cases/case.entity.js';
import { CaseRepository } from '../cases/case.repository.js';
import { preparedQuery } from '../../common/sql/prepared.js';
import { parseDurations } from './reminder-catalogue.js';
import { planReminders, type PlannedReminder, type Timings } from './reminder-plan.js';
import { timingsFrom } from './timings-from-config.js';
import { ReminderMetrics } from './reminder-metrics.js';

/** The reminder rows and, for the live ones, their outbox rows (`reminder-<id>-v1`). */
const INSERT_SQL = `
WITH r AS (
  INSERT INTO reminders (case_id, kind, key, recipient_type, recipient_id, channel, subject_id, due_at, status, last_error)
  SELECT $1, k, ky, rt, ri, ch, si, d, st, CASE WHEN st = 'skipped' THEN 'already past due when planned' END
    FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[], $6::varchar[], $7::uuid[],
                $8::timestamptz[], $9::varchar[]) AS t(k, ky, rt, ri, ch, si, d, st)
  RETURNING id, status, due_at)
INSERT INTO outbox (queue, job_name, job_id, payload, run_at, status)
SELECT $10, $11, 'reminder-' || r.id || '-v1', json_build_object('reminderId', r.id::text, 'version', 1), r.due_at, 'pending'
  FROM r WHERE r.status = 'scheduled'`;

export const reminderJobId = (id: string, version: number): string => `reminder-${id}-v${version}`;

/** A reminder row as the scheduler diffs it against the plan. */
interface ExistingRow {
  id: string;
  key: string;
  status: string;
  version: number;
  dueAt: Date;
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
    private readonly cases: CaseRepository,
  ) {
    this.timings = timingsFrom(env);
    this.staleMs = parseDurations(env.REMINDER_STALE_AFTER)[0];
  }

  /** `c`: the case's id, or the row its transaction holds as changed (then it is not read again). */
  async sync(manager: EntityManager, c: string | Case, now: Date): Promise<void> {
    const caseId = typeof c === 'string' ? c : c.id;
    const facts = await this.cases.reminderFacts(manager, c);
    const planned = facts ? planReminders(facts, this.timings) : [];
    const rows = await this.existing(manager, caseId);
    const scheduled = new Map(rows.filter((r) => r.status === 'scheduled').map((r) => [r.key, r]));
    const done = new Set(
      rows.filter((r) => r.status !== 'scheduled').map((r) => `${r.key}@${r.dueAt.getTime()}`),
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
    const fresh: { p: PlannedReminder; stale: boolean }[] = [];
    for (const p of planned) {
      const row = scheduled.get(p.key);
      if (row) {
        if (row.dueAt.getTime() !== p.dueAt.getTime()) await this.move(manager, row, p.dueAt);
      } else if (!done.has(`${p.key}@${p.dueAt.getTime()}`)) {
        const stale = p.dueAt.getTime() < now.getTime() - this.staleMs;
        const old = skipped.get(p.key);
        // Still past due after a move: the skipped row follows, no second one.
        if (stale && old) await this.moveSkipped(manager, old, p.dueAt);
        else fresh.push({ p, stale });
      }
    }
    await this.insert(manager, caseId, fresh);
  }

  private async existing(manager: EntityManager, caseId: string): Promise<ExistingRow[]> {
    const rows = await preparedQuery<Record<string, unknown>>(
      manager,
      'reminder-rows-of-case',
      'SELECT id, key, status, version, due_at FROM reminders WHERE case_id = $1 ORDER BY id',
      [caseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      key: r.key as string,
      status: r.status as string,
      version: Number(r.version),
      dueAt: new Date(r.due_at as string),
    }));
  }

  /**
   * New reminders and their timers in one statement. One planned long after it was due (a session
   * booked for within the hour has no "24 h before") is recorded as skipped, never sent.
   */
  private async insert(
    manager: EntityManager,
    caseId: string,
    fresh: { p: PlannedReminder; stale: boolean }[],
  ): Promise<void> {
    if (fresh.length === 0) return;
    const column = <T>(f: (x: { p: PlannedReminder; stale: boolean }) => T): T[] => fresh.map(f);
    await preparedQuery(manager, 'reminder-insert', INSERT_SQL, [
      caseId,
      column((x) => x.p.kind),
      column((x) => x.p.key),
      column((x) => x.p.recipientType),
      column((x) => x.p.recipientId),
      column((x) => x.p.channel),
      column((x) => x.p.subjectId),
      column((x) => x.p.dueAt),
      column((x) => (x.stale ? 'skipped' : 'scheduled')),
      JOBS[JobName.SendReminder].queue,
      JobName.SendReminder,
    ]);
    // Counted when the case's transaction commits: a rolled-back change scheduled nothing.
    afterCommit(manager, () => {
      for (const x of fresh)
        if (!x.stale) this.metrics.scheduled.inc({ kind: x.p.kind, channel: x.p.channel });
    });
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
   * A new timer for a reminder whose job failed for good or vanished (the caller holds the case
   * row's lock): the same due time, `version + 1`, due now, so it is sent late and its lateness
   * recorded. False when the reminder was sent, moved or cancelled meanwhile.
   */
  async redrive(manager: EntityManager, row: { id: string; version: number }): Promise<boolean> {
    const moved: { version: number; due_at: Date }[] = await manager.query(
      `WITH r AS (
         UPDATE reminders SET version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 AND status = 'scheduled' RETURNING version, due_at)
       SELECT * FROM r`,
      [row.id, row.version],
    );
    if (moved.length === 0) return false;
    await this.retireTimers(manager, [row]);
    await this.outbox.add(
      manager,
      JobName.SendReminder,
      { reminderId: row.id, version: moved[0].version },
      { jobId: reminderJobId(row.id, moved[0].version) },
    );
    return true;
  }

  /**
   * The old timers' outbox rows are done: the reconciler must not restore them. If one fires
   * anyway (it is still in Redis), the worker sees the old version and does nothing.
   */
  private async retireTimers(
    manager: EntityManager,
    rows: Pick<ExistingRow, 'id' | 'version'>[],
  ): Promise<void> {
    await manager.query(
      `UPDATE outbox SET status = 'processed', processed_at = now()
        WHERE job_id = ANY($1::varchar[]) AND status <> 'processed'`,
      [rows.map((r) => reminderJobId(r.id, r.version))],
    );
  }
}
