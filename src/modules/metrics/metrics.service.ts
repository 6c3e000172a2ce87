import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { collectDefaultMetrics, Gauge, Histogram, register, Registry } from 'prom-client';
import { OutboxService } from '../../queue/outbox.service.js';
import { QueueService } from '../../queue/queue.service.js';

const JOB_STATES = ['waiting', 'delayed', 'active', 'failed', 'completed'] as const;

/** Prometheus metrics: HTTP latency, queue depths and the outbox backlog (read at scrape time). */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(
    private readonly queues: QueueService,
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The Prometheus text of this process: its own gauges and process metrics, then prom-client's
   * default registry, where the reminder counters of this process are (sent and failed in a
   * worker, scheduled wherever the case changed).
   */
  async scrape(): Promise<string> {
    return `${await this.registry.metrics()}\n${await register.metrics()}`;
  }

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
    const queues = this.queues;
    const outbox = this.outbox;
    const dataSource = this.dataSource;
    new Gauge({
      name: 'reminders',
      help: 'Reminders by kind, channel and status, from PostgreSQL (every process counts)',
      labelNames: ['kind', 'channel', 'status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows: { kind: string; channel: string; status: string; n: string }[] =
          await dataSource.query(
            `SELECT kind, channel, status, count(*) AS n FROM reminders GROUP BY kind, channel, status`,
          );
        for (const r of rows)
          this.set({ kind: r.kind, channel: r.channel, status: r.status }, Number(r.n));
      },
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state (absent while Redis is down)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const queue of queues.allQueues()) {
          try {
            const counts = await queue.getJobCounts(...JOB_STATES);
            for (const state of JOB_STATES)
              this.set({ queue: queue.name, state }, counts[state] ?? 0);
          } catch {
            // Redis down: report nothing rather than fail the scrape.
          }
        }
      },
    });
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows not yet enqueued (pending) or enqueued and not yet processed',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const backlog = await outbox.backlog();
        this.set({ status: 'pending' }, backlog.pending);
        this.set({ status: 'enqueued' }, backlog.enqueued);
      },
    });
  }
}
