import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CONSENT_METHODS, type ConsentMethod } from '../../intake/case-consent.entity.js';
import { VersionedDto } from '../../dto/case-writes.dto.js';

/** An extension of the legal period, with both parties' consent. */
export class ExtensionDto extends VersionedDto {
  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  days: number;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({
    description: '申请人同意的时间（须双方同意）',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  applicantConsentAt?: string;

  @ApiPropertyOptional({ enum: CONSENT_METHODS })
  @IsOptional()
  @IsIn(CONSENT_METHODS)
  applicantConsentMethod?: ConsentMethod;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  respondentConsentAt?: string;

  @ApiPropertyOptional({ enum: CONSENT_METHODS })
  @IsOptional()
  @IsIn(CONSENT_METHODS)
  respondentConsentMethod?: ConsentMethod;
}
