import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/auth/access.decorator.js';
import { type AuthUser, CurrentUser } from '../../common/context/request-context.js';
import { attachment } from '../../common/http/content-disposition.js';
import { RegionCode } from '../regions/regions.codes.js';
import { MonthlyReportQuery } from './dto/stats.query.js';
import { StatsReportService } from './stats-report.service.js';
import { ApiDoc, file, MEDIA } from '../../common/openapi/api-docs.js';

@ApiTags('stats')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: StatsReportService) {}

  /** 工作月报: summary, townships, twelve months of received vs closed, risks, definitions. */
  @ApiDoc({
    summary: '工作月报',
    description:
      '调用者范围内某月的调解工作月报（PDF）：汇总、各乡镇、十二个月收结案对比、风险与口径。',
    reply: file([MEDIA.pdf], '月报 PDF'),
    errors: { 404: [RegionCode.NotFound] },
  })
  @Get('monthly')
  @Access('clerk', 'mediator', 'supervisor')
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
