import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Public } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { MeView } from '../users/dto/me.view.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto, TokenPairView } from './dto/auth.dto.js';
import { ApiDoc, ok, noContent } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiDoc({
    summary: '登录',
    description:
      '以用户名和密码换取访问令牌与刷新令牌。凭据错误为 401 AUTH.INVALID_CREDENTIALS；与刷新共用更严格的频率限制。',
    reply: ok(TokenPairView),
    body: { type: LoginDto, example: EXAMPLES.login },
    errors: { 401: ['AUTH.INVALID_CREDENTIALS'] },
    public: true,
  })
  @Post('login')
  @HttpCode(200)
  @Public()
  login(@Ctx() ctx: RequestContext, @Body() body: LoginDto): Promise<TokenPairView> {
    return this.auth.login(ctx, body.username, body.password);
  }

  @ApiDoc({
    summary: '刷新令牌',
    description:
      '以刷新令牌换取新的一对令牌；旧的刷新令牌随即失效（轮换），重复使用会注销整个会话。',
    reply: ok(TokenPairView),
    body: { type: RefreshDto, example: EXAMPLES.refresh },
    errors: { 401: ['AUTH.INVALID_REFRESH_TOKEN'] },
    public: true,
  })
  @Post('refresh')
  @HttpCode(200)
  @Public()
  refresh(@Ctx() ctx: RequestContext, @Body() body: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(ctx, body.refreshToken);
  }

  @ApiDoc({
    summary: '退出登录',
    description: '注销当前会话：其刷新令牌失效，访问令牌在过期前也不再被接受。',
    reply: noContent('已退出'),
  })
  @Post('logout')
  @HttpCode(204)
  @Access('any')
  logout(@Ctx() ctx: RequestContext, @CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(ctx, user);
  }

  @ApiDoc({
    summary: '当前用户',
    description: '返回令牌所属用户及其角色与管辖范围。',
    reply: ok(MeView),
  })
  @Get('me')
  @Access('any')
  me(@CurrentUser() user: AuthUser): MeView {
    return MeView.of(user);
  }
}
