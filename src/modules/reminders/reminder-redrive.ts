import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env } from '../../config/env.js';
import { CaseRepository } from '../cases/case.repository.js';
import { ReconcileStep } from '../../queue/job-handler.decorator.js';
import { JOBS, JobName } from '../../queue/jobs.js';
import { QueueService } from '../../queue/queue.service.js';
import { parseDurations } from './reminder-catalogue.js';
import { ReminderMetrics } from './reminder-metrics.js';
import { reminderJobId, ReminderScheduler } from './reminder-scheduler.js';

/**
 * Reminders still `scheduled` past due by more than the grace, oldest first, whose current timer
 * is not waiting in the outbox (a pending row is the relay's, not ours), with the id its timer has
 * in Redis when the reconciler had to move it off a taken one.
 */
const OVERDUE_SQL = `
SELECT r.id, r.case_id, r.version, r.kind, r.channel, r.due_at,
       (SELECT o.queue_job_id FROM outbox o
         WHERE o.job_id = 'reminder-' || r.id || '-v' || r.version) AS queue_job_id
  FROM reminders r
 WHERE r.status = 'scheduled' AND r.due_at < now() - make_interval(secs => $1)
   AND (r.due_at, r.id) > ($2::timestamptz, $3::bigint)
   AND NOT EXISTS (SELECT 1 FROM outbox o
                    WHERE o.job_id = 'reminder-' || r.id || '-v' || r.version AND o.status = 'pending')
 ORDER BY r.due_at, r.id
 LIMIT $4`;

interface Overdue {
  id: string;
  case_id: string;
  version: number;
  kind: string;
  channel: string;
  due_at: Date;
  queue_job_id: string | null;
}

/** Job states in which the timer will still fire by itself: leave those alone. */
const ALIVE = new Set([
  'waiting',
  'delayed',
  'active',
  'prioritized',
  'waiting-children',
  'paused',
]);
const BATCH = 500;

/**
 * The reminder side of the reconciler. A job BullMQ moved to failed (stalled more than
 * `maxStalledCount`, attempts exhausted on a transient error or a database error) or one gone
 * from Redis leaves its reminder `scheduled` with nothing to fire it. This finds them and gives
 * each a new timer (`reminder-<id>-v<version + 1>`, due now): sent late, never lost, its
 * lateness recorded. A reminder that failed for good (a 4xx) is `failed`, never re-driven; the
 * delivery row still makes a repeated send impossible.
 */
@Injectable()
export class ReminderRedrive {
  private readonly logger = new Logger(ReminderRedrive.name);
  private readonly graceSeconds: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    env: Env,
    private readonly queues: QueueService,
    private readonly scheduler: ReminderScheduler,
    private readonly metrics: ReminderMetrics,
    private readonly cases: CaseRepository,
  ) {
    this.graceSeconds = parseDurations(env.REMINDER_REDRIVE_AFTER)[0] / 1000;
  }

  /** Re-drives every overdue reminder whose job is failed, completed or missing; returns how many. */
  @ReconcileStep()
  async sweep(): Promise<number> {
    const queue = this.queues.queue(JOBS[JobName.SendReminder].queue);
    let redriven = 0;
    let after: [Date, string] = [new Date(0), '0'];
    for (;;) {
      const rows: Overdue[] = await this.dataSource.query(OVERDUE_SQL, [
        this.graceSeconds,
        ...after,
        BATCH,
      ]);
      if (rows.length === 0) break;
      after = [rows[rows.length - 1].due_at, rows[rows.length - 1].id];
      // Redis down: this throws and the sweep waits for the next pass.
      const states = await Promise.all(
        rows.map((r) => queue.getJobState(r.queue_job_id ?? reminderJobId(r.id, r.version))),
      );
      for (const [i, r] of rows.entries()) {
        if (ALIVE.has(states[i])) continue;
        const done = await this.dataSource.transaction(async (m) => {
          // The case row lock orders this with the case's transactions, which move or cancel it.
          await this.cases.lock(m, r.case_id as string);
          return this.scheduler.redrive(m, { id: String(r.id), version: r.version });
        });
        if (!done) continue;
        redriven += 1;
        this.metrics.redriven.inc({ kind: r.kind, channel: r.channel });
        this.logger.warn(
          `Reminder ${r.id} re-driven: due ${r.due_at.toISOString()}, its job v${r.version} was ${states[i] === 'unknown' ? 'missing' : states[i]}`,
        );
      }
      if (rows.length < BATCH) break;
    }
    return redriven;
  }
}
