import { Module } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { WorkerModule } from './queue/worker.module.js';

/** The queue worker process: the feature modules plus the BullMQ consumers. No HTTP. */
@Module({
  imports: [AppModule, WorkerModule],
})
export class WorkerAppModule {}
