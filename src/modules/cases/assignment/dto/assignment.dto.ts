import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CONSENT_METHODS, type ConsentMethod } from '../../intake/case-consent.entity.js';
import { VersionedDto } from '../../dto/case-writes.dto.js';

export class AssignDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mediatorId: string;

  @ApiPropertyOptional({ description: '选择该调解员或改派的原因' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

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

export class SuggestionView {
  @ApiProperty({ format: 'uuid' }) mediatorId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() title: string;
  @ApiProperty() eligible: boolean;
  @ApiProperty() score: number;
  @ApiProperty({
    type: [String],
    description: '排在此处的原因，或不可指派的原因；按 Accept-Language 以中文（默认）或英文书写',
    example: ['负责本案所在的村（社区）', '擅长调解离婚纠纷', '在办案件 3 件，上限 10 件'],
  })
  reasons: string[];
}
