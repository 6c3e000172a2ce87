import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { DISPUTE_TYPES, type DisputeType } from '../../cases/case.entity.js';
import { DIMENSIONS, type Dimension } from '../stats-source.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `?from&to&regionId&courtId&disputeType&dvFlag&basis`: Asia/Shanghai days, both inclusive. */
export class StatsQuery {
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

  @ApiPropertyOptional({ format: 'uuid', description: 'this region and everything under it' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @ApiPropertyOptional({ enum: DISPUTE_TYPES })
  @IsOptional()
  @IsIn(DISPUTE_TYPES)
  disputeType?: DisputeType;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  dvFlag?: boolean;

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
