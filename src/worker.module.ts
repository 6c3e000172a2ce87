import { Module } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { WorkerMetricsServer } from './modules/metrics/worker-metrics.server.js';
import { WorkerModule } from './queue/worker.module.js';

/**
 * The queue worker process: the feature modules plus the BullMQ consumers. No HTTP API; its
 * metrics on their own port (`WORKER_METRICS_PORT`).
 */
@Module({
  imports: [AppModule, WorkerModule, MetricsModule],
  providers: [WorkerMetricsServer],
})
export class WorkerAppModule {}
