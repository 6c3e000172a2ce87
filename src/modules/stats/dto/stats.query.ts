import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ValidationCode } from '../../../common/i18n/common.codes.js';
import { ListCasesQuery } from '../../cases/dto/list-cases.query.js';
import { DIMENSIONS, type Dimension } from '../stats-source.js';

/** Years 1900–2099: a statistics period outside them means nothing (and 9999-12-31 has no end). */
const YEAR = '(19|20)\\d{2}';
const DATE = new RegExp(`^${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`);
const MONTH = new RegExp(`^${YEAR}-(0[1-9]|1[0-2])$`);

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
    description: '起始日（Asia/Shanghai；默认今年 1 月 1 日）',
  })
  @IsOptional()
  @Matches(DATE, { message: ValidationCode.Date })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-10-31',
    description: '截止日（Asia/Shanghai；默认今天）',
  })
  @IsOptional()
  @Matches(DATE, { message: ValidationCode.Date })
  to?: string;

  @ApiPropertyOptional({
    enum: ['received', 'closed'],
    default: 'received',
    description: '比率的统计口径：期间内收案的，或期间内结案的案件',
  })
  @IsOptional()
  @IsIn(['received', 'closed'])
  basis: 'received' | 'closed' = 'received';
}

export class BreakdownQuery extends StatsQuery {
  @ApiProperty({ enum: DIMENSIONS, description: '按此维度分组，每个值一行' })
  @IsIn(DIMENSIONS)
  by: Dimension;
}

export class ExportQuery extends BreakdownQuery {
  @ApiProperty({
    enum: ['csv', 'xlsx'],
    description: 'UTF-8（带 BOM）的 CSV，或 Excel 工作簿',
  })
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx';
}

export class MonthlyReportQuery {
  @ApiProperty({ example: '2026-10', description: 'Asia/Shanghai 的自然月' })
  @Matches(MONTH, { message: ValidationCode.Month })
  month: string;

  @ApiPropertyOptional({ format: 'uuid', description: '该区划（默认：调用者的全部范围）' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}
