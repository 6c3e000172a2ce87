import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCESS_KEY, AccessRule } from '../../common/auth/access.decorator.js';
import type { AuthenticatedRequest } from '../../common/context/request-context.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { RequestCode } from '../../common/i18n/common.codes.js';
import { loadSessionUser } from './session-lookup.js';
import { TokenService } from './token.service.js';

export const unauthenticated = (): DomainError =>
  new DomainError(RequestCode.AuthUnauthenticated, 'unauthenticated');

/** Deny by default: a route must declare `@Public()` or `@Access(...)`. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new DomainError(RequestCode.AuthRouteNotDeclared, 'forbidden');
    }
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) throw unauthenticated();
    const claims = await this.tokens.verifyAccess(match[1]);
    if (!claims) throw unauthenticated();
    const user = await loadSessionUser(this.dataSource, claims.sub, claims.sid);
    if (!user) throw unauthenticated();
    request.user = user;
    if (!rule.roles.includes(user.role)) {
      throw new DomainError(RequestCode.AuthForbidden, 'forbidden', { role: user.role });
    }
    return true;
  }
}
