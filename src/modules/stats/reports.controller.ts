import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/auth/access.decorator.js';
import { type AuthUser, CurrentUser } from '../../common/context/request-context.js';
import { attachment } from '../../common/http/content-disposition.js';
import { MonthlyReportQuery } from './dto/stats.query.js';
import { StatsReportService } from './stats-report.service.js';

@ApiTags('stats')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: StatsReportService) {}

  /** 工作月报: summary, townships, twelve months of received vs closed, risks, definitions. */
  @Get('monthly')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the report as a PDF, for the scope of the user' })
  async monthly(
    @CurrentUser() user: AuthUser,
    @Query() query: MonthlyReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { bytes } = await this.reports.monthly(user, query);
    reply.header('Cache-Control', 'no-store');
    reply.header(
      'Content-Disposition',
      attachment(`调解工作月报_${query.month}.pdf`, `monthly-report-${query.month}.pdf`),
    );
    return new StreamableFile(bytes, { type: 'application/pdf', length: bytes.length });
  }
}
