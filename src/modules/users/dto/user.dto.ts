import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsMobile, IsOmittable } from '../../../common/validation/decorators.js';
import { ROLES, type Role } from '../../../common/auth/roles.js';
import { UserCode } from '../users.codes.js';

export class CreateUserDto {
  @ApiProperty({ example: 'clerk1' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/i, {
    message: UserCode.UsernameFormat,
  })
  username: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;

  @ApiProperty({ example: '王敏' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: '书记员必填' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '调解员所在的村，或督导的管辖范围',
  })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '调解员所属的调解组织' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsMobile()
  phone?: string;
}

export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, [
    'password',
    'displayName',
    'courtId',
    'regionId',
    'organizationId',
    'phone',
  ] as const),
  // Left out means unchanged; null is validated (and refused) like any other value, not
  // written to a NOT NULL column.
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({ description: 'false 停用该用户并注销其全部会话' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: '用户名或姓名包含' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  @Type(() => String)
  regionId?: string;
}
