import { Injectable } from '@nestjs/common';
import { Counter, Histogram, register } from 'prom-client';

const counter = (name: string, help: string): Counter<'kind' | 'channel'> =>
  (register.getSingleMetric(name) as Counter<'kind' | 'channel'> | undefined) ??
  new Counter({ name, help, labelNames: ['kind', 'channel'] as const });

/**
 * Reminder counters and the lateness histogram, in prom-client's default registry (the API's and
 * the worker's /metrics merge it); one instance per process even when tests build several apps.
 */
@Injectable()
export class ReminderMetrics {
  readonly scheduled = counter(
    'reminders_scheduled_total',
    'Reminders scheduled, by kind and channel',
  );
  readonly sent = counter('reminders_sent_total', 'Reminders sent, by kind and channel');
  readonly failed = counter(
    'reminders_failed_total',
    'Reminders failed for good, by kind and channel',
  );
  readonly redriven = counter(
    'reminders_redriven_total',
    'Reminders given a new timer because their job failed for good or vanished, by kind and channel',
  );
  readonly lateness =
    (register.getSingleMetric('reminder_lateness_seconds') as Histogram<'channel'> | undefined) ??
    new Histogram({
      name: 'reminder_lateness_seconds',
      help: 'Sent minus due, in seconds (outages included)',
      labelNames: ['channel'] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300, 3600],
    });
}
