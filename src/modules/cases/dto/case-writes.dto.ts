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
} from '../case-consent.entity.js';
import { RECOMMENDATIONS, type Recommendation } from '../case-screening.entity.js';

/** Every case write carries the version it was based on (or sends it as If-Match). */
export class VersionedDto {
  @ApiPropertyOptional({ description: 'the case version this write is based on; or send If-Match' })
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

  @ApiProperty({ description: 'when the party decided', example: '2026-11-03T10:00:00+08:00' })
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
  @ApiProperty({ description: 'urgent: the court rules within 24 h, otherwise 72 h' })
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

  @ApiPropertyOptional({ description: 'free-text notes; stored encrypted' })
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
    description: 'full 18-digit ID number (exact)',
    example: '370281199007153629',
  })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  idNumber?: string;

  @ApiPropertyOptional({ description: 'full mobile number (exact)', example: '13812345678' })
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
    description: 'why the full value is needed; kept in the audit trail',
    example: '电话通知当事人调解时间',
  })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  reason: string;
}
