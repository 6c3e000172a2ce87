import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  SESSION_FORMATS,
  SESSION_MODES,
  type SessionFormat,
  type SessionMode,
} from '../case-session.entity.js';
import { IsOmittable } from '../../../../common/validation/decorators.js';
import { VersionedDto } from '../../dto/case-writes.dto.js';

export class ScheduleSessionDto extends VersionedDto {
  @ApiProperty({ example: '2026-11-25T09:30:00+08:00' })
  @IsISO8601({ strict: true })
  scheduledAt: string;

  @ApiPropertyOptional({ default: 60, minimum: 10, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(600)
  durationMinutes?: number;

  @ApiProperty({ example: '百合调解室' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  location: string;

  @ApiProperty({ enum: SESSION_MODES })
  @IsIn(SESSION_MODES)
  mode: SessionMode;

  @ApiProperty({
    enum: SESSION_FORMATS,
    description: '安全评估要求背对背（shuttle）时不接受 joint',
  })
  @IsIn(SESSION_FORMATS)
  format: SessionFormat;
}

export class RescheduleSessionDto extends VersionedDto {
  @ApiPropertyOptional() @IsOmittable() @IsISO8601({ strict: true }) scheduledAt?: string;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(10) @Max(600) durationMinutes?: number;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(200) location?: string;
  @ApiPropertyOptional({ enum: SESSION_MODES })
  @IsOmittable()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;
  @ApiPropertyOptional({ enum: SESSION_FORMATS })
  @IsOmittable()
  @IsIn(SESSION_FORMATS)
  format?: SessionFormat;
}

export const ATTENDEE_ROLES = [
  'applicant',
  'respondent',
  'mediator',
  'note_taker',
  'judge',
  'agent',
  'relative',
  'interpreter',
  'other',
] as const;

export class AttendeeDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) name: string;
  @ApiProperty({ enum: ATTENDEE_ROLES })
  @IsIn(ATTENDEE_ROLES)
  role: (typeof ATTENDEE_ROLES)[number];
}

export class StatementDto {
  @ApiProperty({ enum: ['applicant', 'respondent', 'other'] })
  @IsIn(['applicant', 'respondent', 'other'])
  side: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) text: string;
}

export class JudgeGuidanceDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) judgeName: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) guidance: string;
}

/** The 调解笔录. */
export class RecordSessionDto extends VersionedDto {
  @ApiProperty() @IsISO8601({ strict: true }) startedAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) endedAt: string;

  @ApiProperty({ type: [AttendeeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees: AttendeeDto[];

  @ApiProperty({ description: '记录人' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  noteTaker: string;
  @ApiProperty({ description: '调解事项' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  matters: string;

  @ApiProperty({ type: [StatementDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => StatementDto)
  statements: StatementDto[];

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) result: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) nextSteps?: string;

  @ApiPropertyOptional({ type: JudgeGuidanceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => JudgeGuidanceDto)
  judgeGuidance?: JudgeGuidanceDto;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty() location: string;
  @ApiProperty() mode: string;
  @ApiProperty() format: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ description: '已有笔录（书记员看不到内容）' })
  recorded: boolean;
  @ApiProperty({ nullable: true, type: Object, description: 'the 调解笔录; null for clerks' })
  record: object | null;
  @ApiProperty({ type: [String], description: '例如同一调解员的会次时间重叠' })
  warnings: string[];
}

/** A session in a list of the day (the agenda): what it is and where, never the record. */
export class SessionBriefView extends OmitType(SessionView, ['record', 'warnings'] as const) {}
