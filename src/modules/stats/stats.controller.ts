import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { attachment } from '../../common/http/content-disposition.js';
import { CourtCode } from '../courts/courts.codes.js';
import { RegionCode } from '../regions/regions.codes.js';
import { exportTable, toCsv, toXlsx } from './stats-export.js';
import { Access } from '../../common/auth/access.decorator.js';
import { type AuthUser, CurrentUser } from '../../common/context/request-context.js';
import { BreakdownQuery, ExportQuery, StatsQuery } from './dto/stats.query.js';
import {
  type MediatorWorkload,
  type OverdueQueue,
  StatsSupervisionService,
} from './stats-supervision.service.js';
import { type StatsSummary, StatsService } from './stats.service.js';
import { ApiDoc, ok, okList, file, okSchema, MEDIA } from '../../common/openapi/api-docs.js';
import {
  MediatorWorkloadView,
  OverdueQueueView,
  STATS_BREAKDOWN_SCHEMA,
  StatsSummaryView,
} from './dto/stats.view.js';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly supervision: StatsSupervisionService,
  ) {}

  /**
   * Counts and rates of docs/design/domain.md "Statistics" with their numerators, denominators
   * and definitions.
   */
  @ApiDoc({
    summary: '统计汇总',
    description:
      '调用者范围内、统计期间的收案、结案、调解成功率等数字，每个比率附分子、分母与口径，每个数字附案件列表的查询链接。',
    reply: ok(StatsSummaryView),
    errors: { 404: [RegionCode.NotFound, CourtCode.NotFound] },
  })
  @Get('summary')
  @Access('clerk', 'mediator', 'supervisor')
  summary(@CurrentUser() user: AuthUser, @Query() query: StatsQuery): Promise<StatsSummary> {
    return this.stats.summary(user, query);
  }

  /** The same figures per township, village, mediator, court, dispute type, month or DV flag. */
  @ApiDoc({
    summary: '分组统计',
    description:
      '按乡镇、村、调解员、法院、纠纷类型、月份或是否涉家暴分组的同一组数字，排序并附合计。',
    reply: okSchema(STATS_BREAKDOWN_SCHEMA, '每个分组值一行，另附合计与口径'),
    errors: { 404: [RegionCode.NotFound, CourtCode.NotFound] },
  })
  @Get('breakdown')
  @Access('clerk', 'mediator', 'supervisor')
  @Header('Content-Type', 'application/json; charset=utf-8')
  breakdown(@CurrentUser() user: AuthUser, @Query() query: BreakdownQuery): Promise<Buffer> {
    // The JSON bytes of a StatsBreakdown, serialised from its schema (stats-schema.ts).
    return this.stats.breakdownBody(user, query);
  }

  /** Open cases by days left, and cases waiting too long for acceptance, review or a follow-up. */
  @ApiDoc({
    summary: '超期与待办',
    description:
      '按剩余天数分组的在办案件，以及等待受理、等待审核、回访逾期过久的案件（各列前 100 件）。',
    reply: ok(OverdueQueueView),
  })
  @Get('overdue')
  @Access('clerk', 'mediator', 'supervisor')
  overdue(@CurrentUser() user: AuthUser): Promise<OverdueQueue> {
    return this.supervision.overdue(user);
  }

  /** Her roster's workload and performance over the period (a mediator: her own). */
  @ApiDoc({
    summary: '调解员工作量',
    description: '名册内每名调解员在统计期间的在办数、结案数、成功率与按期率（调解员只看到自己）。',
    reply: okList(MediatorWorkloadView),
    errors: { 404: [RegionCode.NotFound, CourtCode.NotFound] },
  })
  @Get('mediators')
  @Access('mediator', 'supervisor')
  mediators(
    @CurrentUser() user: AuthUser,
    @Query() query: StatsQuery,
  ): Promise<MediatorWorkload[]> {
    return this.supervision.workload(user, query);
  }

  /** The breakdown as a spreadsheet: Chinese headers, one row per value, then 合计. */
  @ApiDoc({
    summary: '导出统计表',
    description: '分组统计导出为 CSV 或 XLSX：中文表头，每个分组值一行，最后一行合计。',
    reply: file([MEDIA.csv, MEDIA.xlsx], '按维度与期间命名的文件'),
    errors: { 404: [RegionCode.NotFound, CourtCode.NotFound] },
  })
  @Get('export')
  @Access('clerk', 'mediator', 'supervisor')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const breakdown = await this.stats.breakdown(user, query);
    const table = exportTable(breakdown);
    const { from, to } = breakdown.period;
    const bytes = query.format === 'csv' ? toCsv(table) : await toXlsx(table);
    const type =
      query.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    reply.header('Cache-Control', 'no-store');
    reply.header(
      'Content-Disposition',
      attachment(
        `调解统计_${query.by}_${from}_${to}.${query.format}`,
        `stats-${query.by}-${from}-${to}.${query.format}`,
      ),
    );
    return new StreamableFile(bytes, { type, length: bytes.length });
  }
}
