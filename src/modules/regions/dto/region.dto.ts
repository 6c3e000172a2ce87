import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsRegionCode } from '../../../common/validation/decorators.js';
import { Region, REGION_LEVELS, type RegionLevel } from '../region.entity.js';

export class CreateRegionDto {
  @ApiProperty({ example: '370281105000' })
  @IsRegionCode()
  code: string;

  @ApiProperty({ example: '胶西镇' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: REGION_LEVELS })
  @IsIn(REGION_LEVELS)
  level: RegionLevel;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: '市级为 null',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class ListRegionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '该区划的直接下级' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '该区划及其全部下级',
  })
  @IsOptional()
  @IsUUID()
  rootId?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ description: '名称包含，或代码以此开头' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class RegionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: REGION_LEVELS })
  level: RegionLevel;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ description: '自根起的区划代码，以点分隔' })
  path: string;

  static of(r: Region): RegionView {
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      parentId: r.parentId,
      path: r.path,
    };
  }
}

export class RegionImportResult {
  @ApiProperty()
  created: number;

  @ApiProperty({
    description: '代码已存在且名称、级别、上级都相同的行数',
  })
  unchanged: number;
}
