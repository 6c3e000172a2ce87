import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { RESULT_KINDS } from '../stats-figures.js';
import { breakdownSchema } from '../stats-schema.js';

/** OpenAPI shapes of the statistics answers (stats.service.ts, stats-supervision.service.ts). */

export class StatsRateView {
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: '分子 ÷ 分母，保留 4 位小数；分母为 0 时为 null',
    example: 0.6667,
  })
  value: number | null;

  @ApiProperty({ example: 2 })
  numerator: number;

  @ApiProperty({ example: 3 })
  denominator: number;

  @ApiProperty({ description: '口径说明' })
  definition: string;
}

export class StatsReentryRateView extends StatsRateView {
  @ApiProperty({
    description: '当期结案、结案未满 365 天（是否再次进入尚无定论，不计入比率）的案件数',
  })
  stillInWindow: number;

  @ApiProperty({
    format: 'date-time',
    description: '此时刻（北京时间零点，今天前第 365 天）之前结案的案件观察期已满，计入比率',
  })
  knownBefore: string;
}

export class StatsMedianView {
  @ApiProperty({ type: 'number', nullable: true, description: '中位数（天）；没有案件时为 null' })
  value: number | null;

  @ApiProperty({ description: '参与计算的案件数' })
  cases: number;

  @ApiProperty({ description: '口径说明' })
  definition: string;
}

export class StatsResultsView {
  @ApiProperty() reconciled: number;
  @ApiProperty() divorce_agreed: number;
  @ApiProperty() ancillary_agreed: number;
  @ApiProperty() no_agreement: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() refused: number;
  @ApiProperty() unsuitable: number;
  @ApiProperty() expired: number;
}
// A result kind added to RESULT_KINDS and not above fails tsc here.
const _results: Record<(typeof RESULT_KINDS)[number], number> = {} as StatsResultsView;
void _results;

export class StatsRatesView {
  @ApiProperty({ type: StatsRateView }) closureRate: StatsRateView;
  @ApiProperty({ type: StatsRateView }) successRate: StatsRateView;
  @ApiProperty({ type: StatsRateView }) successRateOfAllClosed: StatsRateView;
  @ApiProperty({ type: StatsRateView }) withdrawalRate: StatsRateView;
  @ApiProperty({ type: StatsRateView }) onTimeRate: StatsRateView;
  @ApiProperty({ type: StatsRateView }) judicialConfirmationRate: StatsRateView;
  @ApiProperty({ type: StatsRateView }) performanceRate: StatsRateView;
}

export class StatsPeriodView {
  @ApiProperty({ format: 'date', example: '2026-01-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-11-30' })
  to: string;

  @ApiProperty({ enum: ['received', 'closed'], description: '按收案日或结案日统计' })
  basis: 'received' | 'closed';

  @ApiProperty({ enum: ['Asia/Shanghai'] })
  timeZone: 'Asia/Shanghai';
}

export class StatsSummaryView {
  @ApiProperty({ type: StatsPeriodView })
  period: StatsPeriodView;

  @ApiProperty({ description: '收案数' })
  received: number;

  @ApiProperty({ description: '受理数' })
  accepted: number;

  @ApiProperty({ description: '结案数' })
  closed: number;

  @ApiProperty({ description: '在办数' })
  open: number;

  @ApiProperty({ type: StatsResultsView, description: '按结果分的结案数' })
  results: StatsResultsView;

  @ApiProperty({ type: StatsRatesView })
  rates: StatsRatesView;

  @ApiProperty({ type: StatsRateView })
  averageDurationDays: StatsRateView;

  @ApiProperty({ type: StatsMedianView })
  medianDurationDays: StatsMedianView;

  @ApiProperty({ description: '已超期的在办案件数' })
  overdue: number;

  @ApiProperty({ description: '距期限不足 3 天的在办案件数' })
  atRisk: number;

  @ApiProperty({
    type: StatsReentryRateView,
    description:
      '12 个月再次进入率（按结案日，与 basis 无关）；下钻：reentered（分子）、reentryKnown（分母）、reentryInWindow（未满 365 天）',
  })
  reentryRate: StatsReentryRateView;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '每个数字背后案件列表的查询链接',
  })
  drillDown: Record<string, string>;
}

export class WaitingCaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '（2026）鲁0281民诉前调501号' })
  caseNumber: string;

  @ApiProperty()
  status: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  mediatorId: string | null;

  @ApiProperty({ format: 'date-time', description: '开始等待的时间，或期限' })
  since: string;

  @ApiProperty({ description: '已等待的天数，或距期限的天数（超期为负）' })
  days: number;
}

export class DaysLeftBucketView {
  @ApiProperty({ enum: ['overdue', '0-3', '4-7', '8-15', '16+', 'none'] })
  bucket: string;

  @ApiProperty()
  cases: number;
}

export class WaitingQueueView {
  @ApiProperty()
  total: number;

  @ApiProperty({ type: [WaitingCaseView], description: '前 100 件' })
  cases: WaitingCaseView[];
}

export class WaitingLimitsView {
  @ApiProperty() acceptanceHours: number;
  @ApiProperty() reviewDays: number;
  @ApiProperty() followUpDays: number;
}

export class OverdueQueueView {
  @ApiProperty({ type: [DaysLeftBucketView] })
  byDaysLeft: DaysLeftBucketView[];

  @ApiProperty({ type: WaitingQueueView })
  atRisk: WaitingQueueView;

  @ApiProperty({ type: WaitingQueueView })
  waitingForAcceptance: WaitingQueueView;

  @ApiProperty({ type: WaitingQueueView })
  waitingForReview: WaitingQueueView;

  @ApiProperty({ type: WaitingQueueView })
  followUpsLate: WaitingQueueView;

  @ApiProperty({ type: WaitingLimitsView })
  limits: WaitingLimitsView;
}

export class MediatorWorkloadView {
  @ApiProperty({ format: 'uuid' })
  mediatorId: string;

  @ApiProperty({ example: '张某某' })
  name: string;

  @ApiProperty() activeCases: number;
  @ApiProperty() maxActiveCases: number;
  @ApiProperty() closed: number;
  @ApiProperty({ type: StatsRateView }) successRate: StatsRateView;
  @ApiProperty({ type: StatsRateView }) onTimeRate: StatsRateView;
  @ApiProperty({ type: StatsRateView }) averageDurationDays: StatsRateView;
  @ApiProperty({ type: StatsMedianView }) medianDurationDays: StatsMedianView;
  @ApiProperty() followUpsDone: number;
}

/** JSON Schema (2020-12 style `type: [t, 'null']`) to OpenAPI 3.0 (`nullable`). */
function toOpenApi30(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApi30);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'type' && Array.isArray(value)) {
      const types = value.filter((t) => t !== 'null');
      out.type = types[0];
      if (types.length < value.length) out.nullable = true;
    } else {
      out[key] = toOpenApi30(value);
    }
  }
  return out;
}

/** `GET /stats/breakdown`: the very schema its answer is serialised from. */
export const STATS_BREAKDOWN_SCHEMA = toOpenApi30(breakdownSchema) as SchemaObject;
