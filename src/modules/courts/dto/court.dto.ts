import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import type { Court } from '../court.entity.js';

export class CreateCourtDto {
  @ApiProperty({ example: 'J37', description: '用于案号的法院代码' })
  @IsString()
  @Matches(/^[A-Z0-9]{2,16}$/, { message: 'code must be 2–16 upper-case letters or digits' })
  code: string;

  @ApiProperty({ example: '胶州市人民法院' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'uuid', description: '管辖的县（区）或市' })
  @IsUUID()
  regionId: string;
}

export class ListCourtsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class CourtView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  static of(c: Court): CourtView {
    return { id: c.id, code: c.code, name: c.name, regionId: c.regionId };
  }
}
