import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext, Actor } from '../../common/context/request-context.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { Env } from '../../config/env.js';
import { AuditService } from '../audit/audit.service.js';
import { UserView } from '../users/dto/user.view.js';
import { User } from '../users/user.entity.js';
import { AuthSession, REVOKED_BY_OTHERS } from './auth-session.entity.js';
import { AuthCode } from './auth.codes.js';
import { TokenPairView } from './dto/auth.dto.js';
import { PasswordService } from './password.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';

/** One message for every failed login, so an attacker learns nothing about the account. */
export const invalidCredentials = (): DomainError =>
  new DomainError(AuthCode.InvalidCredentials, 'unauthenticated');

const expired = (token: RefreshToken): boolean => token.expiresAt <= new Date();
const invalidRefresh = (): DomainError =>
  new DomainError(AuthCode.InvalidRefreshToken, 'unauthenticated');

/** The session was ended by someone else (disabled, password reset, a copied token): say so. */
const sessionRevoked = (): DomainError =>
  new DomainError(AuthCode.SessionRevoked, 'unauthenticated');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * Checks a username and password with throttling by account: after LOGIN_MAX_FAILURES
   * consecutive failures the account is locked for LOGIN_LOCKOUT_MINUTES, and even the right
   * password is refused until then. Every outcome is audited.
   */
  async verifyCredentials(ctx: RequestContext, username: string, password: string): Promise<User> {
    const name = username.trim().toLowerCase();
    const user = await this.dataSource.getRepository(User).findOneBy({ username: name });
    const fail = async (reason: string, subject: User | null): Promise<never> => {
      await this.audit.recordAlone(ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: subject?.id ?? null,
        actorId: subject?.id ?? null,
        actorRole: subject?.role ?? null,
        after: { username: name.slice(0, 64), reason },
      });
      throw invalidCredentials();
    };

    if (!user) {
      await this.passwords.verifyAgainstNothing(password);
      return fail('unknown_user', null);
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.passwords.verifyAgainstNothing(password);
      return fail('locked', user);
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      await this.dataSource.query(
        `UPDATE users
            SET failed_login_count = failed_login_count + 1,
                locked_until = CASE WHEN failed_login_count + 1 >= $2
                                    THEN now() + make_interval(mins => $3) ELSE locked_until END
          WHERE id = $1`,
        [user.id, this.env.LOGIN_MAX_FAILURES, this.env.LOGIN_LOCKOUT_MINUTES],
      );
      return fail('wrong_password', user);
    }
    if (!user.active) return fail('inactive', user);
    return user;
  }

  async login(ctx: RequestContext, username: string, password: string): Promise<TokenPairView> {
    const user = await this.verifyCredentials(ctx, username, password);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(
        User,
        { id: user.id },
        { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() },
      );
      const session = await manager.save(
        manager.create(AuthSession, {
          userId: user.id,
          expiresAt: this.sessionExpiry(),
          revokedAt: null,
        }),
      );
      const pair = await this.issuePair(manager, user, session.id);
      await this.audit.record(manager, ctx, {
        action: 'auth.login_succeeded',
        entityType: 'user',
        entityId: user.id,
        actorId: user.id,
        actorRole: user.role,
        after: { sessionId: session.id },
      });
      return pair;
    });
  }

  /**
   * Rotates a refresh token: the presented one is spent and a new pair issued. Presenting a spent
   * token again means it was copied: the whole session is revoked, and the spent token is
   * answered AUTH.INVALID_REFRESH_TOKEN. A live token of a session someone else ended (the user
   * disabled or her password changed by an admin, a copied token) or of a disabled user is
   * answered AUTH.SESSION_REVOKED, so that the phone can wipe what it keeps offline; an unknown
   * or expired token, or one of a session ended by her own logout, AUTH.INVALID_REFRESH_TOKEN.
   */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<TokenPairView> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .innerJoinAndSelect('t.session', 's')
        .innerJoinAndSelect('s.user', 'u')
        .where('t.tokenHash = :hash', { hash })
        .setLock('pessimistic_write', undefined, ['t', 's'])
        .getOne();
      if (!token?.session?.user) return { error: 'unknown' as const };
      const { session } = token;
      const user = token.session.user;
      const live =
        user.active && !session.revokedAt && session.expiresAt > new Date() && !expired(token);
      if (token.usedAt) {
        // Its answer was lost (the phone never stored the new token): the successor it was
        // exchanged for is spent instead, and a new pair issued.
        const successor = live ? await this.unusedSuccessor(manager, token) : null;
        if (successor) {
          await manager.update(RefreshToken, { id: successor.id }, { usedAt: new Date() });
          await manager.update(
            AuthSession,
            { id: session.id },
            { expiresAt: this.sessionExpiry() },
          );
          await this.audit.record(manager, ctx, {
            action: 'auth.refresh_retried',
            entityType: 'user',
            entityId: user.id,
            actorId: user.id,
            actorRole: user.role,
            after: { sessionId: session.id },
          });
          return { pair: await this.issuePair(manager, user, session.id) };
        }
        if (!session.revokedAt) {
          await manager.update(
            AuthSession,
            { id: session.id },
            { revokedAt: new Date(), revokedReason: 'refresh_reuse' },
          );
          await this.audit.record(manager, ctx, {
            action: 'auth.refresh_reuse_detected',
            entityType: 'user',
            entityId: user.id,
            actorId: user.id,
            actorRole: user.role,
            after: { sessionId: session.id },
          });
        }
        return { error: 'reused' as const };
      }
      if (!user.active || (session.revokedAt && REVOKED_BY_OTHERS.has(session.revokedReason ?? '')))
        return { error: 'revoked' as const };
      if (session.revokedAt || session.expiresAt <= new Date() || token.expiresAt <= new Date()) {
        return { error: 'expired' as const };
      }
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      // Sliding expiry: a session in use stays alive; an idle one ends REFRESH_TTL_DAYS after its last use.
      await manager.update(AuthSession, { id: session.id }, { expiresAt: this.sessionExpiry() });
      return { pair: await this.issuePair(manager, user, session.id) };
    });
    if (outcome.pair) return outcome.pair;
    throw outcome.error === 'revoked' ? sessionRevoked() : invalidRefresh();
  }

  /**
   * The token `spent` was exchanged for, when `spent` was used within REFRESH_RETRY_GRACE_SECONDS
   * and that token is the session's only later one and still unused (locked); else null.
   */
  private async unusedSuccessor(
    manager: EntityManager,
    spent: RefreshToken,
  ): Promise<RefreshToken | null> {
    const grace = this.env.REFRESH_RETRY_GRACE_SECONDS * 1000;
    if (!spent.usedAt || Date.now() - spent.usedAt.getTime() > grace) return null;
    const later = await manager
      .getRepository(RefreshToken)
      .createQueryBuilder('t')
      // Compared in SQL: a JavaScript Date would drop the microseconds of created_at.
      .where(
        't.sessionId = :sessionId AND t.createdAt > (SELECT created_at FROM refresh_tokens WHERE id = :id)',
        { sessionId: spent.sessionId, id: spent.id },
      )
      .orderBy('t.createdAt', 'ASC')
      .limit(2)
      .setLock('pessimistic_write')
      .getMany();
    return later.length === 1 && !later[0].usedAt && !expired(later[0]) ? later[0] : null;
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        AuthSession,
        { id: actor.user.sessionId },
        { revokedAt: new Date(), revokedReason: 'logout' },
      );
      await this.audit.record(manager, actor, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.user.id,
        after: { sessionId: actor.user.sessionId },
      });
    });
  }

  /** Ends every session of a user (disabled, password changed); call inside the change's transaction. */
  async revokeAllSessions(
    manager: EntityManager,
    userId: string,
    reason: 'disabled' | 'password_changed',
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  private async issuePair(
    manager: EntityManager,
    user: User,
    sessionId: string,
  ): Promise<TokenPairView> {
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshToken, {
      sessionId,
      tokenHash: refresh.hash,
      expiresAt: this.sessionExpiry(),
      usedAt: null,
    });
    const accessToken = await this.tokens.signAccess({
      sub: user.id,
      sid: sessionId,
      role: user.role,
    });
    return {
      accessToken,
      refreshToken: refresh.token,
      expiresIn: this.tokens.accessTtlSeconds,
      user: UserView.of(user, this.cipher),
    };
  }

  private sessionExpiry(): Date {
    return new Date(Date.now() + this.env.REFRESH_TTL_DAYS * 86_400_000);
  }
}
