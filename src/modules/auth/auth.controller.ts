import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { Access, Public } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
  type Actor,
  Caller,
} from '../../common/context/request-context.js';
import { MeView } from '../users/dto/me.view.js';
import { Env } from '../../config/env.js';
import { AuthCode } from './auth.codes.js';
import { AuthService } from './auth.service.js';
import {
  clearRefreshCookie,
  csrfRefused,
  isWebClient,
  refreshCookieOf,
  setRefreshCookie,
} from './refresh-cookie.js';
import { LoginDto, RefreshDto, TokenPairView } from './dto/auth.dto.js';
import { ApiDoc, ok, noContent } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly env: Env,
  ) {}

  /** The web app's pair: the refresh token goes into the cookie, never into page scripts. */
  private toWeb(reply: FastifyReply, pair: TokenPairView): TokenPairView {
    setRefreshCookie(reply, this.env, pair.refreshToken ?? '');
    const { refreshToken: _kept, ...rest } = pair;
    return rest;
  }

  @ApiDoc({
    summary: '登录',
    description:
      '以用户名和密码换取访问令牌与刷新令牌。凭据错误为 401 AUTH.INVALID_CREDENTIALS；与刷新共用更严格的频率限制。' +
      '带请求头 X-Requested-With: mediation-web（网页端）时，刷新令牌不在响应体中，而是写入 httpOnly、SameSite=Strict、仅限刷新路径的 Cookie mediation_refresh。',
    reply: ok(TokenPairView),
    body: { type: LoginDto, example: EXAMPLES.login },
    errors: { 401: [AuthCode.InvalidCredentials] },
    public: true,
  })
  @Post('login')
  @HttpCode(200)
  @Public()
  async login(
    @Ctx() ctx: RequestContext,
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairView> {
    const pair = await this.auth.login(ctx, body.username, body.password);
    return isWebClient(request) ? this.toWeb(reply, pair) : pair;
  }

  @ApiDoc({
    summary: '刷新令牌',
    description:
      '以刷新令牌换取新的一对令牌；旧的刷新令牌随即失效（轮换），重复使用会注销整个会话。' +
      '网页端不传 refreshToken，由 Cookie mediation_refresh 提供，并必须带请求头 X-Requested-With: mediation-web（防跨站请求伪造），否则 403 AUTH.CSRF_HEADER_MISSING；新的刷新令牌写回 Cookie。' +
      '刷新令牌未知、已过期、已用过或会话已由本人退出：401 AUTH.INVALID_REFRESH_TOKEN；会话被他人注销（账号被停用、管理员重置或修改密码、令牌被盗用后会话被注销）：401 AUTH.SESSION_REVOKED，客户端应清除本机离线数据后重新登录。',
    reply: ok(TokenPairView),
    body: { type: RefreshDto, example: EXAMPLES.refresh },
    errors: {
      401: [AuthCode.InvalidRefreshToken, AuthCode.SessionRevoked],
      403: [AuthCode.CsrfHeaderMissing],
    },
    public: true,
  })
  @Post('refresh')
  @HttpCode(200)
  @Public()
  async refresh(
    @Ctx() ctx: RequestContext,
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairView> {
    if (body.refreshToken !== undefined) return this.auth.refresh(ctx, body.refreshToken);
    const cookie = refreshCookieOf(request);
    if (cookie !== undefined && !isWebClient(request)) throw csrfRefused();
    try {
      // No cookie: the same 401 as an unknown token.
      return this.toWeb(reply, await this.auth.refresh(ctx, cookie ?? ''));
    } catch (error) {
      clearRefreshCookie(reply, this.env);
      throw error;
    }
  }

  @ApiDoc({
    summary: '退出登录',
    description:
      '注销当前会话：其刷新令牌失效，访问令牌在过期前也不再被接受；网页端的刷新 Cookie 一并清除。',
    reply: noContent('已退出'),
  })
  @Post('logout')
  @HttpCode(204)
  @Access('any')
  async logout(
    @Caller() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor);
    clearRefreshCookie(reply, this.env);
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
