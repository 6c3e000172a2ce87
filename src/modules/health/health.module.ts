import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ScanStoreModule } from '../documents/scans/scan-store.module.js';
import { HealthController } from './health.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false }), ScanStoreModule],
  controllers: [HealthController],
})
export class HealthModule {}
