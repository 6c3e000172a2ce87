import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MaintenanceHandlers } from './maintenance.handlers.js';
import { WorkerSchedules } from './worker-schedules.js';
import { WorkerService } from './worker.service.js';

/** Consumer side: only the worker process (and the all-in-one start) imports this. */
@Module({
  imports: [DiscoveryModule],
  providers: [WorkerService, WorkerSchedules, MaintenanceHandlers],
  exports: [WorkerService],
})
export class WorkerModule {}
