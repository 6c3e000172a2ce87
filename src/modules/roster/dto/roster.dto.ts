import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsOmittable } from '../../../common/validation/decorators.js';
import { IsIdNumber } from '../../../common/validation/decorators.js';
import { CONFLICT_REASONS, type ConflictReason } from '../mediator-conflict.entity.js';
import { SPECIALITIES, type Speciality } from '../mediator-profile.entity.js';
import { TRAINING_TOPICS, type TrainingTopic } from '../mediator-training.entity.js';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListMediatorsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '负责该区划内的村' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ enum: SPECIALITIES })
  @IsOptional()
  @IsIn(SPECIALITIES)
  speciality?: Speciality;

  @ApiPropertyOptional({ description: '已启用且在办数未达上限' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  dvTrained?: boolean;
}

export class UpdateMediatorDto {
  @ApiPropertyOptional({ example: '村妇代会主任' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '负责的村' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  villageIds?: string[];

  @ApiPropertyOptional({ enum: SPECIALITIES, isArray: true })
  @IsOmittable()
  @IsArray()
  @IsIn(SPECIALITIES, { each: true })
  specialities?: Speciality[];

  @ApiPropertyOptional({ description: 'false 暂停：不再推荐或指派' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(100)
  maxActiveCases?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  charges?: boolean;
}

export class TrainingDto {
  @ApiProperty({ example: '反家庭暴力法专题培训' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title: string;

  @ApiProperty({ example: '2026-09-12' })
  @IsDateString({ strict: true })
  heldOn: string;

  @ApiProperty({ example: 6 })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(200)
  hours: number;

  @ApiProperty({ enum: TRAINING_TOPICS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TRAINING_TOPICS, { each: true })
  topics: TrainingTopic[];
}

export class ConflictDto {
  @ApiPropertyOptional({ format: 'uuid', description: '她不能承办的案件' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({
    description: '与其有利害关系的人（只保存盲索引）',
    example: '370281198803124517',
  })
  @IsOptional()
  @IsIdNumber()
  partyIdNumber?: string;

  @ApiPropertyOptional({ example: '王某某' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  partyName?: string;

  @ApiProperty({ enum: CONFLICT_REASONS })
  @IsIn(CONFLICT_REASONS)
  reason: ConflictReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class TrainingView {
  @ApiProperty() title: string;
  @ApiProperty() heldOn: string;
  @ApiProperty() hours: number;
  @ApiProperty({ type: [String] }) topics: string[];
}

/** A declared conflict of interest; the person's ID number is kept only as a blind index. */
export class ConflictView {
  @ApiProperty({ enum: CONFLICT_REASONS }) reason: ConflictReason;
  @ApiProperty({ nullable: true, type: String, description: '有利害关系的人' }) partyName:
    string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: '她不能承办的案件' })
  caseId: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: '是否按身份证号排除（号码本身不返回）' }) byIdNumber: boolean;
  @ApiProperty({ format: 'date-time' }) declaredAt: string;
}

export class MediatorView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organizationId: string | null;
  @ApiProperty({ type: [String] }) villageIds: string[];
  @ApiProperty({ type: [String] }) specialities: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() maxActiveCases: number;
  @ApiProperty() activeCases: number;
  @ApiProperty() charges: boolean;
  @ApiProperty({ description: '受过反家暴培训' }) dvTrained: boolean;
  @ApiProperty({ type: [TrainingView] }) trainings: TrainingView[];
  @ApiProperty({ type: [ConflictView], description: '已申报的回避，新的在前' })
  conflicts: ConflictView[];
}
