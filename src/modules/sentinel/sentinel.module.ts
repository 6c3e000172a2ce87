import { Module } from '@nestjs/common';
import { SentinelReportsController } from './sentinel-reports.controller.js';
import { SentinelReportsService } from './sentinel-reports.service.js';

@Module({
  controllers: [SentinelReportsController],
  providers: [SentinelReportsService],
})
export class SentinelModule {}
