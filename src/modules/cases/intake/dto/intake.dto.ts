import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VersionedDto } from '../../dto/case-writes.dto.js';
import {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  type ConsentDecision,
  type ConsentMethod,
} from '../case-consent.entity.js';
import { RECOMMENDATIONS, type Recommendation } from '../case-screening.entity.js';

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
