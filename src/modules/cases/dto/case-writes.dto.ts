import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  type ConsentDecision,
  type ConsentMethod,
} from '../intake/case-consent.entity.js';
import { RECOMMENDATIONS, type Recommendation } from '../intake/case-screening.entity.js';

/** Every case write carries the version it was based on (or sends it as If-Match). */
export class VersionedDto {
  @ApiPropertyOptional({ description: '本次修改所依据的案件版本号；也可用 If-Match 请求头' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class UpdateCaseDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  claims?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  courtReference?: string;
}

export class ConsentDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partyId: string;

  @ApiProperty({ enum: CONSENT_DECISIONS })
  @IsIn(CONSENT_DECISIONS)
  decision: ConsentDecision;

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS)
  method: ConsentMethod;

  @ApiProperty({ description: '当事人作出决定的时间', example: '2026-11-03T10:00:00+08:00' })
  @IsISO8601({ strict: true })
  recordedAt: string;
}

export class ScreeningAnswersDto {
  @ApiProperty() @IsBoolean() physicalViolence: boolean;
  @ApiProperty() @IsBoolean() threats: boolean;
  @ApiProperty() @IsBoolean() coerciveControl: boolean;
  @ApiProperty() @IsBoolean() fearOfOtherParty: boolean;
  @ApiProperty() @IsBoolean() childrenAtRisk: boolean;
  @ApiProperty() @IsBoolean() protectionOrderInForce: boolean;
}

export class ProtectionOrderReferralDto {
  @ApiProperty({ description: 'urgent：法院 24 小时内裁定，否则 72 小时' })
  @IsBoolean()
  urgent: boolean;

  @ApiProperty({ example: '2026-11-03T10:00:00+08:00' })
  @IsISO8601({ strict: true })
  referredAt: string;
}

export class ScreeningDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partyId: string;

  @ApiProperty({ type: ScreeningAnswersDto })
  @ValidateNested()
  @Type(() => ScreeningAnswersDto)
  answers: ScreeningAnswersDto;

  @ApiProperty({ enum: RECOMMENDATIONS })
  @IsIn(RECOMMENDATIONS)
  recommendation: Recommendation;

  @ApiPropertyOptional({ description: '备注；加密保存' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ type: ProtectionOrderReferralDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProtectionOrderReferralDto)
  protectionOrderReferral?: ProtectionOrderReferralDto;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty({ example: '申请人撤回调解申请，拟直接诉讼' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class SearchCasesDto {
  @ApiPropertyOptional({
    description: '完整的 18 位身份证号（精确匹配）',
    example: '370281199007153629',
  })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  idNumber?: string;

  @ApiPropertyOptional({ description: '完整的手机号（精确匹配）', example: '13812345678' })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  phone?: string;
}

export const REVEAL_FIELDS = ['idNumber', 'phone', 'address'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export class RevealDto {
  @ApiProperty({ enum: REVEAL_FIELDS })
  @IsIn(REVEAL_FIELDS)
  field: RevealField;

  @ApiProperty({
    description: '需要完整值的理由；记入审计日志',
    example: '电话通知当事人调解时间',
  })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  reason: string;
}
