import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsOmittable } from '../../../common/validation/decorators.js';
import {
  ORGANIZATION_KINDS,
  type Organization,
  type OrganizationKind,
} from '../organization.entity.js';

const KIND_DESCRIPTION =
  'mediation_org 调解组织（默认）；哨点：women_micro_home 妇女微家、executive_studio 执委工作室、personal_room 个人调解室';

export class CreateOrganizationDto {
  @ApiProperty({
    example: '胶州市婚姻家庭纠纷人民调解委员会',
    description: '印在文书上的名称',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @ApiPropertyOptional({ type: [String], example: ['百合调解室'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  rooms?: string[];

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, description: KIND_DESCRIPTION })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ example: '王秀丽', description: '负责人（哨点的负责人）' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  responsiblePerson?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: '哨点关注的村（社区）：须为本组织所在地区之内的村级地区',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  watchedVillageIds?: string[];
}

/** A new name is printed on documents issued from now on; issued documents keep the old one. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({
    example: '胶州市婚姻家庭纠纷人民调解委员会',
    description: '印在文书上的名称',
  })
  @IsOmittable()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['百合调解室', '妇女之家'],
    description: '调解室的完整清单（替换原有清单）',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  rooms?: string[];

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, description: KIND_DESCRIPTION })
  @IsOmittable()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '王秀丽',
    description: '负责人；null 清除',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  responsiblePerson?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: '关注的村的完整清单（替换原有清单）',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  watchedVillageIds?: string[];
}

export class ListOrganizationsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;
}

export class OrganizationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty({ type: [String] })
  rooms: string[];

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;

  @ApiProperty({ type: String, nullable: true })
  responsiblePerson: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  watchedVillageIds: string[];

  static of(o: Organization, watchedVillageIds: string[] = []): OrganizationView {
    return {
      id: o.id,
      name: o.name,
      regionId: o.regionId,
      rooms: o.rooms,
      kind: o.kind,
      responsiblePerson: o.responsiblePerson,
      watchedVillageIds: [...watchedVillageIds].sort(),
    };
  }
}
