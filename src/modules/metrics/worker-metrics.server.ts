import { createServer, type Server } from 'node:http';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { errorMessage } from '../../common/errors/error-message.js';
import { Env } from '../../config/env.js';
import { MetricsService } from './metrics.service.js';

/**
 * The worker process has no HTTP API; its metrics (the reminders it sent, failed and re-drove,
 * their lateness, queue depths, outbox backlog) are served here, on `WORKER_METRICS_PORT`, at
 * `/metrics` only. Internal network only, like the API's.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | undefined;

  constructor(
    private readonly env: Env,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.WORKER_METRICS_PORT === 0) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.metrics.scrape().then(
        (text) =>
          res
            .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
            .end(text),
        (error: unknown) => {
          this.logger.warn(`Scrape failed: ${errorMessage(error)}`);
          res.writeHead(503).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.env.WORKER_METRICS_PORT, this.env.HOST, resolve);
    });
    this.server = server;
    this.logger.log(
      `Worker metrics on http://${this.env.HOST}:${this.env.WORKER_METRICS_PORT}/metrics`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
