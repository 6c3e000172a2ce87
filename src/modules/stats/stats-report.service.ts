import { Injectable } from '@nestjs/common';
import { label } from '../../common/i18n/labels.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AuthUser } from '../../common/context/request-context.js';
import { Court } from '../courts/court.entity.js';
import { RenderPool } from '../documents/pdf/render-pool.js';
import type { MonthlyReportData } from '../documents/pdf/renderers/monthly-report.pdf.js';
import { Region } from '../regions/region.entity.js';
import type { MonthlyReportQuery } from './dto/stats.query.js';
import type { Figures } from './stats-figures.js';
import { addMonths, monthEnd } from './stats-period.js';
import { StatsSupervisionService } from './stats-supervision.service.js';
import { StatsService } from './stats.service.js';

const RATE_NAMES: Record<keyof Figures['rates'], string> = {
  closureRate: '办结率',
  successRate: '调解成功率',
  successRateOfAllClosed: '成功率（全部结案）',
  withdrawalRate: '撤回率',
  onTimeRate: '按期结案率',
  judicialConfirmationRate: '司法确认申请率',
  performanceRate: '自动履行率',
};

/** 工作月报: the month's figures for the user's scope (or a region in it) as a PDF. */
@Injectable()
export class StatsReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: StatsService,
    private readonly supervision: StatsSupervisionService,
    private readonly renderer: RenderPool,
    private readonly clock: Clock,
  ) {}

  async monthly(
    user: AuthUser,
    query: MonthlyReportQuery,
  ): Promise<{ bytes: Uint8Array; pages: number; data: MonthlyReportData }> {
    const from = `${query.month}-01`;
    const to = monthEnd(from);
    const filters = { regionId: query.regionId, basis: 'received' as const };
    const summary = await this.stats.summary(user, { ...filters, from, to });
    const [townships, trend] = await Promise.all([
      this.stats.breakdown(user, { ...filters, from, to, by: 'township' }),
      this.stats.breakdown(user, { ...filters, from: addMonths(from, -11), to, by: 'month' }),
    ]);
    const region = query.regionId
      ? await this.dataSource.getRepository(Region).findOneBy({ id: query.regionId })
      : null;
    const queue = await this.supervision.overdue(user, region?.path);
    const data: MonthlyReportData = {
      scopeName: region?.name ?? (await this.scopeName(user)),
      month: query.month,
      generatedAt: this.clock.now().toISOString(),
      counts: [
        { name: '本月受理', value: summary.received },
        { name: '本月结案', value: summary.closed },
        { name: '本月受理案件中未结', value: summary.open },
        { name: '当前逾期', value: summary.overdue },
        { name: '当前临期（三日内）', value: summary.atRisk },
      ],
      rates: (Object.keys(RATE_NAMES) as (keyof Figures['rates'])[]).map((key) => ({
        name: RATE_NAMES[key],
        ...summary.rates[key],
      })),
      durations: [
        { name: '平均用时', ...summary.averageDurationDays },
        { name: '用时中位数', ...summary.medianDurationDays },
      ],
      townships: townships.rows.map((r) => ({
        name: r.label,
        received: r.received,
        closed: r.closed,
        closureRate: r.rates.closureRate.value,
        successRate: r.rates.successRate.value,
      })),
      trend: Array.from({ length: 12 }, (_, i) => {
        const month = addMonths(from, i - 11);
        const row = trend.rows.find((r) => r.key === month);
        return { month: month.slice(0, 7), received: row?.received ?? 0, closed: row?.closed ?? 0 };
      }),
      atRisk: queue.atRisk.cases.slice(0, 30).map((c) => ({
        caseNumber: c.caseNumber,
        status: label('caseStatus', c.status),
        daysLeft: c.days,
      })),
      atRiskTotal: queue.atRisk.total,
    };
    return { ...(await this.renderer.renderReport(data)), data };
  }

  private async scopeName(user: AuthUser): Promise<string> {
    if (user.role === 'clerk' && user.courtId) {
      return (
        (await this.dataSource.getRepository(Court).findOneBy({ id: user.courtId }))?.name ?? ''
      );
    }
    if (user.role === 'mediator') return `${user.displayName}（个人）`;
    const region = user.regionId
      ? await this.dataSource.getRepository(Region).findOneBy({ id: user.regionId })
      : null;
    return region?.name ?? '';
  }
}
