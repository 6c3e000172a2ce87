import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OUTCOME_RESULTS, ROUTES, type OutcomeResult, type Route } from '../outcome-routes.js';
import { VersionedDto } from '../../dto/case-writes.dto.js';

const SIDES = ['applicant', 'respondent'] as const;

export class SupportTermDto {
  @ApiProperty({ example: '1500.00' }) @IsString() @MaxLength(20) amount: string;
  @ApiProperty({ enum: ['monthly', 'quarterly', 'yearly', 'lump_sum'] })
  @IsIn(['monthly', 'quarterly', 'yearly', 'lump_sum'])
  frequency: 'monthly' | 'quarterly' | 'yearly' | 'lump_sum';
  @ApiProperty({ example: '银行转账' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  method: string;
  @ApiPropertyOptional({ example: '2034-05-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  until?: string;
}

export class ChildTermDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() childId: string;
  @ApiPropertyOptional({ enum: ['applicant', 'respondent', 'joint'] })
  @IsOptional()
  @IsIn(['applicant', 'respondent', 'joint'])
  custody?: 'applicant' | 'respondent' | 'joint';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) residence?: string;
  @ApiPropertyOptional({ description: '8 周岁以上的子女须已听取其意见' })
  @IsOptional()
  @IsBoolean()
  heard?: boolean;
  @ApiPropertyOptional({ type: SupportTermDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupportTermDto)
  support?: SupportTermDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) visitation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) handover?: string;
}

export class PropertyTermDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) item: string;
  @ApiProperty({ enum: ['applicant', 'respondent', 'both'] })
  @IsIn(['applicant', 'respondent', 'both'])
  to: 'applicant' | 'respondent' | 'both';
  @ApiPropertyOptional({ example: '300000.00' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  value?: string;
}

export class DebtTermDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) item: string;
  @ApiProperty({ enum: ['applicant', 'respondent', 'both'] })
  @IsIn(['applicant', 'respondent', 'both'])
  bornBy: 'applicant' | 'respondent' | 'both';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) amount?: string;
}

export class MoneyTermDto {
  @ApiProperty({ example: '20000.00' }) @IsString() @MaxLength(20) amount: string;
  @ApiProperty({ enum: SIDES }) @IsIn(SIDES) payer: 'applicant' | 'respondent';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

/** The agreement terms of docs/design/domain.md; the law's checks are agreement-rules.ts. */
export class AgreementDto {
  @ApiProperty({ example: '2026-12-01T10:00:00+08:00' })
  @IsISO8601({ strict: true })
  effectiveAt: string;
  @ApiProperty({ enum: ['written', 'oral'] }) @IsIn(['written', 'oral']) form: 'written' | 'oral';
  @ApiPropertyOptional({ type: [ChildTermDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChildTermDto)
  children?: ChildTermDto[];
  @ApiPropertyOptional({ type: [PropertyTermDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PropertyTermDto)
  property?: PropertyTermDto[];
  @ApiPropertyOptional({ type: [DebtTermDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DebtTermDto)
  debts?: DebtTermDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) housing?: string;
  @ApiPropertyOptional({ type: MoneyTermDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyTermDto)
  houseworkCompensation?: MoneyTermDto;
  @ApiPropertyOptional({ type: MoneyTermDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyTermDto)
  financialHelp?: MoneyTermDto;
  @ApiPropertyOptional({ type: MoneyTermDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyTermDto)
  damages?: MoneyTermDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) performance?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) breach?: string;
}

export class OutcomeDto extends VersionedDto {
  @ApiProperty({ enum: OUTCOME_RESULTS }) @IsIn(OUTCOME_RESULTS) result: OutcomeResult;
  @ApiProperty({ enum: ROUTES, description: '须为法律对该结果允许的途径' })
  @IsIn(ROUTES)
  route: Route;
  @ApiPropertyOptional({ type: AgreementDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement?: AgreementDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @ApiPropertyOptional({ description: '用于 no_agreement' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  undisputedFacts?: string;
}

export class ReviewDto extends VersionedDto {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return']) decision:
    'approve' | 'return';
  @ApiPropertyOptional({ description: '退回时必填' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
