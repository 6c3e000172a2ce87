import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { loggerParams } from './common/logging/logger-options.js';
import { loadEnv } from './config/config.module.js';
import { WorkerModule } from './queue/worker.module.js';

/** The queue worker process: the feature modules plus the BullMQ consumers. No HTTP. */
@Module({
  imports: [LoggerModule.forRootAsync({ useFactory: () => loggerParams(loadEnv()) }), AppModule, WorkerModule],
})
export class WorkerAppModule {}
