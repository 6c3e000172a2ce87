import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
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
import { PERFORMANCE, type Performance } from '../case-follow-up.entity.js';
import { VersionedDto } from '../../dto/case-writes.dto.js';

export class CourtFilingDto extends VersionedDto {
  @ApiProperty({ example: '（2026）鲁0281民初1234号' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  courtCaseNumber: string;
  @ApiProperty() @IsISO8601({ strict: true }) filedAt: string;
}

export class JudicialConfirmationDto extends VersionedDto {
  @ApiProperty() @IsISO8601({ strict: true }) appliedAt: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) acceptedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) decidedAt?: string;
  @ApiPropertyOptional({ enum: ['confirmed', 'rejected', 'withdrawn'] })
  @IsOptional()
  @IsIn(['confirmed', 'rejected', 'withdrawn'])
  result?: 'confirmed' | 'rejected' | 'withdrawn';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) rulingNumber?: string;
}

export class RegistryDivorceDto extends VersionedDto {
  @ApiProperty({ description: '向婚姻登记机关申请的时间（冷静期起算）' })
  @IsISO8601({ strict: true })
  appliedAt: string;
  @ApiPropertyOptional({ description: '领取离婚证的时间' })
  @IsOptional()
  @IsISO8601({ strict: true })
  certificateAt?: string;
}

export class FollowUpDto extends VersionedDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: '要记录的已安排回访；不填则安排或记录一次临时回访',
  })
  @IsOptional()
  @IsUUID()
  followUpId?: string;

  @ApiPropertyOptional({
    example: '2027-01-15',
    description: '在这一天安排临时回访',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  dueOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) visitedAt?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partyId?: string;
  @ApiPropertyOptional({ enum: PERFORMANCE })
  @IsOptional()
  @IsIn(PERFORMANCE)
  performance?: Performance;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) riskSigns?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) measures?: string;
}
