import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { ReportsController } from './reports.controller.js';
import { StatsController } from './stats.controller.js';
import { StatsReportService } from './stats-report.service.js';
import { StatsSupervisionService } from './stats-supervision.service.js';
import { StatsCache } from './stats-cache.js';
import { StatsService } from './stats.service.js';

/** Statistics, exports and reports: read-only, served by the API process only. */
@Module({
  imports: [DocumentsModule],
  controllers: [StatsController, ReportsController],
  providers: [StatsService, StatsSupervisionService, StatsReportService, StatsCache],
})
export class StatsModule {}
