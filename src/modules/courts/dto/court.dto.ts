import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsOmittable } from '../../../common/validation/decorators.js';
import { COURT_DESIGNATOR_PATTERN } from '../court-designator.js';
import type { Court } from '../court.entity.js';
import { CourtCode } from '../courts.codes.js';

export class CreateCourtDto {
  @ApiProperty({ example: 'J37', description: '法院在本服务内的简码（案号用代字 designator）' })
  @IsString()
  @Matches(/^[A-Z0-9]{2,16}$/, { message: CourtCode.CodeFormat })
  code: string;

  @ApiPropertyOptional({
    example: '鲁0281',
    description:
      'the court’s 代字 in case numbers; by default the province abbreviation and the county’s (or city’s) digits of its region code',
  })
  @IsOptional()
  @IsString()
  @Matches(COURT_DESIGNATOR_PATTERN, { message: CourtCode.DesignatorFormat })
  designator?: string;

  @ApiProperty({ example: '胶州市人民法院' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'uuid', description: '管辖的县（区）或市' })
  @IsUUID()
  regionId: string;
}

/** A new designator numbers the court's next cases; numbers already given stay as they are. */
export class UpdateCourtDto {
  @ApiPropertyOptional({ example: '鲁0281', description: 'the court’s 代字 in case numbers' })
  @IsOmittable()
  @IsString()
  @Matches(COURT_DESIGNATOR_PATTERN, { message: CourtCode.DesignatorFormat })
  designator?: string;

  @ApiPropertyOptional({ example: '胶州市人民法院' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;
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

  @ApiProperty({ example: '鲁0281', description: 'the court’s 代字 in case numbers' })
  designator: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  static of(c: Court): CourtView {
    return {
      id: c.id,
      code: c.code,
      designator: c.designator,
      name: c.name,
      regionId: c.regionId,
    };
  }
}
