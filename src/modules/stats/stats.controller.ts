import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { type AuthUser, CurrentUser } from '../../common/context/request-context.js';
import { BreakdownQuery, StatsQuery } from './dto/stats.query.js';
import {
  type MediatorWorkload,
  type OverdueQueue,
  StatsSupervisionService,
} from './stats-supervision.service.js';
import { type StatsBreakdown, type StatsSummary, StatsService } from './stats.service.js';

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
  breakdown(
    @CurrentUser() user: AuthUser,
    @Query() query: BreakdownQuery,
  ): Promise<StatsBreakdown> {
    return this.stats.breakdown(user, query);
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
}
