import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../../../common/validation/decorators.js';
import { UserView } from '../../users/dto/user.view.js';

export class LoginDto {
  @ApiProperty({ example: 'clerk1' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty({
    required: false,
    description:
      '刷新令牌。网页端不传此字段：令牌在 httpOnly Cookie 中，须同时带请求头 X-Requested-With: mediation-web。',
  })
  @IsOmittable()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairView {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({
    required: false,
    description:
      '刷新令牌；网页端（请求头 X-Requested-With: mediation-web）不返回，改由 httpOnly Cookie 保存',
  })
  refreshToken?: string;

  @ApiProperty({ description: '访问令牌的有效期（秒）' })
  expiresIn: number;

  @ApiProperty({ type: () => UserView })
  user: UserView;
}
