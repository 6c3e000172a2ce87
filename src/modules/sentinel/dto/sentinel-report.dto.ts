import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsIdNumber, IsMobile } from '../../../common/validation/decorators.js';
import { DISPUTE_TYPES, type DisputeType } from '../../cases/case.entity.js';
import { REPORT_PARTY_ROLES, type ReportPartyRole } from '../sentinel-report.entity.js';
import {
  REPORT_OUTCOMES,
  REPORT_STATUSES,
  REVIEW_DECISIONS,
  type ReportOutcome,
  type ReportStatus,
  type ReviewDecision,
} from '../sentinel-rules.js';

const GENDERS = ['female', 'male'] as const;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ReportPartyDto {
  @ApiProperty({ enum: REPORT_PARTY_ROLES, description: 'party 纠纷当事人；other 其他相关人' })
  @IsIn(REPORT_PARTY_ROLES)
  role: ReportPartyRole;

  @ApiProperty({ example: '张某某' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: 'female' | 'male';

  @ApiPropertyOptional({
    description: '18 位居民身份证号；加密保存，脱敏显示',
    example: '370281199007153629',
  })
  @IsOptional()
  @IsIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ description: '大陆手机号；加密保存，脱敏显示', example: '13812345678' })
  @IsOptional()
  @IsMobile()
  phone?: string;
}

/** The case screening's six questions; any `true` is a DV sign. */
export class RiskAnswersDto {
  @ApiProperty() @IsBoolean() physicalViolence: boolean;
  @ApiProperty() @IsBoolean() threats: boolean;
  @ApiProperty() @IsBoolean() coerciveControl: boolean;
  @ApiProperty() @IsBoolean() fearOfOtherParty: boolean;
  @ApiProperty() @IsBoolean() childrenAtRisk: boolean;
  @ApiProperty() @IsBoolean() protectionOrderInForce: boolean;
}

export class CreateSentinelReportDto {
  @ApiProperty({
    format: 'uuid',
    description: '纠纷所在的村：哨点关注的村（未设时为哨点所在地区内的村）',
  })
  @IsUUID()
  villageId: string;

  @ApiProperty({ enum: DISPUTE_TYPES })
  @IsIn(DISPUTE_TYPES)
  disputeType: DisputeType;

  @ApiProperty({ example: '夫妻因彩礼返还争吵，女方回娘家', description: '发现的情况' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  observed: string;

  @ApiPropertyOptional({ type: [ReportPartyDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReportPartyDto)
  parties?: ReportPartyDto[];

  @ApiProperty({ type: RiskAnswersDto, description: '与案件安全评估相同的问题' })
  @ValidateNested()
  @Type(() => RiskAnswersDto)
  riskAnswers: RiskAnswersDto;

  @ApiPropertyOptional({ example: '上门劝解双方' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  actionTaken?: string;

  @ApiProperty({
    enum: REPORT_OUTCOMES,
    description:
      'resolved_on_spot 当场化解（须 resolutionNote）；watched 持续关注（须 followUpOn）；to_mediation 转人民调解；to_court 转法院；to_police 转公安',
  })
  @IsIn(REPORT_OUTCOMES)
  outcome: ReportOutcome;

  @ApiPropertyOptional({ example: '双方和好', description: '化解情况（仅 resolved_on_spot）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  resolutionNote?: string;

  @ApiPropertyOptional({
    example: '2026-12-20',
    description: '回访日期（仅 watched；北京时间今天至 90 天内）',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  followUpOn?: string;
}

export class ReviewSentinelReportDto {
  @ApiProperty({
    enum: REVIEW_DECISIONS,
    description:
      'confirmed 确认；escalated_to_police 移交公安；escalated_to_court 移交法院；watch 继续关注',
  })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiProperty({ example: '已电话核实，双方情绪稳定' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: '线索的当前版本（或在 If-Match 请求头中给出）',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListSentinelReportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ description: 'true：待督导审核的线索' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  awaitingReview?: boolean;

  @ApiPropertyOptional({ description: 'true：超过 24 小时仍未审核的线索' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  reviewOverdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  villageId?: string;
}
