import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { attachment } from '../../common/http/content-disposition.js';
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

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly supervision: StatsSupervisionService,
  ) {}

  /** Counts and rates of domain.md "Statistics" with their numerators, denominators, definitions. */
  @Get('summary')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ description: 'figures, each rate with numerator, denominator and definition' })
  summary(@CurrentUser() user: AuthUser, @Query() query: StatsQuery): Promise<StatsSummary> {
    return this.stats.summary(user, query);
  }

  /** The same figures per township, village, mediator, court, dispute type, month or DV flag. */
  @Get('breakdown')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ description: 'one row of figures per value of `by`, sorted, with totals' })
  @Header('Content-Type', 'application/json; charset=utf-8')
  breakdown(@CurrentUser() user: AuthUser, @Query() query: BreakdownQuery): Promise<Buffer> {
    // The JSON bytes of a StatsBreakdown, serialised from its schema (stats-schema.ts).
    return this.stats.breakdownBody(user, query);
  }

  /** Open cases by days left, and cases waiting too long for acceptance, review or a follow-up. */
  @Get('overdue')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ description: 'the queues, each with its total and the first 100 cases' })
  overdue(@CurrentUser() user: AuthUser): Promise<OverdueQueue> {
    return this.supervision.overdue(user);
  }

  /** Her roster's workload and performance over the period (a mediator: her own). */
  @Get('mediators')
  @Access('mediator', 'supervisor')
  @ApiOkResponse({ description: 'one row per mediator of the roster' })
  mediators(
    @CurrentUser() user: AuthUser,
    @Query() query: StatsQuery,
  ): Promise<MediatorWorkload[]> {
    return this.supervision.workload(user, query);
  }

  /** The breakdown as a spreadsheet: Chinese headers, one row per value, then 合计. */
  @Get('export')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the file, named after the dimension and the period' })
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
