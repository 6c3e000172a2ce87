import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { WorkerSchedules } from './worker-schedules.js';
import { WorkerService } from './worker.service.js';

/** Consumer side: only the worker process (and the all-in-one start) imports this. */
@Module({
  imports: [DiscoveryModule],
  providers: [WorkerService, WorkerSchedules],
  exports: [WorkerService],
})
export class WorkerModule {}
