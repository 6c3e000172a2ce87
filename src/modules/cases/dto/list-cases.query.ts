import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { LIST_COUNT_CAP } from '../case-list.js';
import { CASE_STATUSES, type CaseStatus } from '../case-status.js';
import { DISPUTE_TYPES, type DisputeType } from '../case.entity.js';
import { CLOSURE_RESULTS, type ClosureResult } from '../outcome/outcome-routes.js';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export const CASE_SORTS = [
  'receivedAt',
  '-receivedAt',
  'deadlineAt',
  '-deadlineAt',
  'caseNumber',
  '-caseNumber',
  'updatedAt',
  '-updatedAt',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ format: 'uuid', description: '该区划及其全部下级' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  @ApiPropertyOptional({ enum: DISPUTE_TYPES })
  @IsOptional()
  @IsIn(DISPUTE_TYPES)
  disputeType?: DisputeType;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  dvFlag?: boolean;

  @ApiPropertyOptional({ description: '已超期的在办案件' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: '当事人姓名或案号（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedTo?: string;

  @ApiPropertyOptional({ description: 'true：已有调解员的案件；false：尚无调解员的案件' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  assigned?: boolean;

  @ApiPropertyOptional({ description: 'true：未结案件；false：已结案件' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: '结案时间不早于' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: '结案时间早于' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedTo?: string;

  @ApiPropertyOptional({
    description:
      'true：已结案件中，结案后 365 天内同一当事人（身份证号相同，任一方）又有案件收案的（再次进入）；false：已结案件中没有的',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  reentered?: boolean;

  @ApiPropertyOptional({ enum: CLOSURE_RESULTS })
  @IsOptional()
  @IsIn(CLOSURE_RESULTS)
  result?: ClosureResult;

  @ApiPropertyOptional({
    description: `超过 ${LIST_COUNT_CAP} 件也精确计数（数据多时较慢）`,
    default: false,
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  exactTotal?: boolean;

  @ApiPropertyOptional({ enum: CASE_SORTS, default: '-receivedAt' })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort: CaseSort = '-receivedAt';
}
