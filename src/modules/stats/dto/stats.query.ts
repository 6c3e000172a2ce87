import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ListCasesQuery } from '../../cases/dto/list-cases.query.js';
import { DIMENSIONS, type Dimension } from '../stats-source.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * `?from&to&regionId&courtId&disputeType&dvFlag&basis`: Asia/Shanghai days, both inclusive; the
 * filters are the case list's own, so a drill-down link means what the figure meant.
 */
export class StatsQuery extends PickType(ListCasesQuery, [
  'regionId',
  'courtId',
  'disputeType',
  'dvFlag',
] as const) {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'first Asia/Shanghai day (default: 1 January of this year)',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-10-31',
    description: 'last Asia/Shanghai day (default: today)',
  })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    enum: ['received', 'closed'],
    default: 'received',
    description: 'the cohort the rates are over: cases received, or closed, in the period',
  })
  @IsOptional()
  @IsIn(['received', 'closed'])
  basis: 'received' | 'closed' = 'received';
}

export class BreakdownQuery extends StatsQuery {
  @ApiProperty({ enum: DIMENSIONS, description: 'one row per value of this dimension' })
  @IsIn(DIMENSIONS)
  by: Dimension;
}

export class ExportQuery extends BreakdownQuery {
  @ApiProperty({
    enum: ['csv', 'xlsx'],
    description: 'CSV in UTF-8 with BOM, or an Excel workbook',
  })
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx';
}

export class MonthlyReportQuery {
  @ApiProperty({ example: '2026-10', description: 'an Asia/Shanghai calendar month' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'this region (default: your whole scope)' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}
