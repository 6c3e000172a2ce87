import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairView })
  login(@Ctx() ctx: RequestContext, @Body() body: LoginDto): Promise<TokenPairView> {
    return this.auth.login(ctx, body.username, body.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairView })
  refresh(@Ctx() ctx: RequestContext, @Body() body: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(ctx, body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Access('any')
  logout(@Ctx() ctx: RequestContext, @CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(ctx, user);
  }

  @Get('me')
  @Access('any')
  @ApiOkResponse({ type: MeView })
  me(@CurrentUser() user: AuthUser): MeView {
    return MeView.of(user);
  }
}
