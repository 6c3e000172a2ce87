import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsOmittable } from '../../../common/validation/decorators.js';
import type { Organization } from '../organization.entity.js';

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
}

export class ListOrganizationsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
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

  static of(o: Organization): OrganizationView {
    return { id: o.id, name: o.name, regionId: o.regionId, rooms: o.rooms };
  }
}
