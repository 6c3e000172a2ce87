import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { type AuthUser, CurrentUser } from '../../common/context/request-context.js';
import { BreakdownQuery, StatsQuery } from './dto/stats.query.js';
import { type StatsBreakdown, type StatsSummary, StatsService } from './stats.service.js';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

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
}
