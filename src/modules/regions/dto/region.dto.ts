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
    description: 'null for a city',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class ListRegionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'direct children of this region' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the whole subtree under this region (itself included)',
  })
  @IsOptional()
  @IsUUID()
  rootId?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ description: 'name contains, or code starts with' })
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

  @ApiProperty({ description: 'codes from the root, dot separated' })
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
    description: 'rows whose code already existed with the same name, level and parent',
  })
  unchanged: number;
}
