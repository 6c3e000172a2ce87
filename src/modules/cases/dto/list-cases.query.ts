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
import { CLOSURE_RESULTS, type ClosureResult } from '../outcome-rules.js';

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

  @ApiPropertyOptional({ format: 'uuid', description: 'this region and everything under it' })
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

  @ApiPropertyOptional({ description: 'open cases past their deadline' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'a party name or a case number (contains)' })
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

  @ApiPropertyOptional({ description: 'true: cases with a mediator; false: cases without one' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  assigned?: boolean;

  @ApiPropertyOptional({ description: 'true: cases not closed yet; false: closed cases' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'closed at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'closed before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedTo?: string;

  @ApiPropertyOptional({ enum: CLOSURE_RESULTS })
  @IsOptional()
  @IsIn(CLOSURE_RESULTS)
  result?: ClosureResult;

  @ApiPropertyOptional({
    description: `count every match even past ${LIST_COUNT_CAP} (slower on large sets)`,
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
