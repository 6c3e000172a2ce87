import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { IsIdNumber, IsMobile } from '../../../../common/validation/decorators.js';
import {
  CASE_SOURCES,
  DISPUTE_TYPES,
  MEDIATION_KINDS,
  type CaseSource,
  type DisputeType,
  type MediationKindValue,
} from '../../case.entity.js';
import { CHILD_RESIDENCES, type ChildResidence } from '../case-child.entity.js';
import { GENDERS, PARTY_ROLES, type Gender, type PartyRole } from '../party.entity.js';

export class PartyDto {
  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  @ApiProperty({ example: '张某某' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender: Gender;

  @ApiProperty({
    description: '18 位居民身份证号；加密保存，脱敏显示',
    example: '370281199007153629',
  })
  @IsIdNumber()
  idNumber: string;

  @ApiPropertyOptional({
    description: '如填写，须与身份证号一致',
    example: '1990-01-01',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string;

  @ApiPropertyOptional({ example: '汉' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  ethnicity?: string;

  @ApiPropertyOptional({ example: '农民' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  occupation?: string;

  @ApiPropertyOptional({
    description: '大陆手机号；加密保存，脱敏显示',
    example: '13812345678',
  })
  @IsOptional()
  @IsMobile()
  phone?: string;

  @ApiPropertyOptional({
    description: '加密保存，列表中不显示',
    example: '山东省胶州市胶西镇某某村12号',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '当事人所在的村' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class ChildDto {
  @ApiProperty({ example: '李小某' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender: Gender;

  @ApiProperty({ example: '2016-05-01' })
  @IsDateString({ strict: true })
  birthDate: string;

  @ApiProperty({ enum: CHILD_RESIDENCES })
  @IsIn(CHILD_RESIDENCES)
  residence: ChildResidence;
}

export class CreateCaseDto {
  @ApiPropertyOptional({
    example: '（2026）鲁0281民诉前调501号',
    description: '法院自己的案号，同一法院内唯一',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  courtReference?: string;

  @ApiProperty({
    enum: MEDIATION_KINDS,
    description: 'pre_filing 委派 (30 days) or entrusted 委托 (15 days)',
  })
  @IsIn(MEDIATION_KINDS)
  mediationKind: MediationKindValue;

  @ApiProperty({ enum: DISPUTE_TYPES })
  @IsIn(DISPUTE_TYPES)
  disputeType: DisputeType;

  @ApiProperty({ enum: CASE_SOURCES })
  @IsIn(CASE_SOURCES)
  source: CaseSource;

  @ApiProperty({
    example: '双方于2015年登记结婚，育有一子，现因长期分居、感情不和，原告起诉离婚。',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary: string;

  @ApiProperty({ example: '请求判决离婚；婚生子由原告抚养，被告每月支付抚养费1500元。' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  claims: string;

  @ApiProperty({ example: '2026-11-02T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  receivedAt: string;

  @ApiProperty({
    format: 'uuid',
    description: '纠纷发生的村，须在法院辖区内',
  })
  @IsUUID()
  regionId: string;

  @ApiProperty({ type: [PartyDto], description: '至少一名申请人和一名被申请人' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];

  @ApiPropertyOptional({ type: [ChildDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  children?: ChildDto[];
}
