import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_LANG, type Lang } from '../i18n/catalogue.js';
import { negotiateLanguage } from '../i18n/translator.js';
import type { Role } from '../auth/roles.js';

/** The caller as the access guard loaded her for this request. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  courtId: string | null;
  regionId: string | null;
  organizationId: string | null;
  /** Materialised path of the scope root: a supervisor's region, a mediator's village, a
   * clerk's court jurisdiction; null for admins. */
  scopePath: string | null;
  sessionId: string;
}

/** Who did something, from where: passed explicitly from controllers into services. */
export interface RequestContext {
  user: AuthUser | null;
  requestId: string;
  ip: string | null;
  /** The reader's language (Accept-Language): what the response's texts are written in. */
  lang: Lang;
  /**
   * The request's `Idempotency-Key`, when a versioned case write received one. Set by
   * `@VersionedWrite()` only (not by contextOf): the writes through `CaseWriter.write` are the
   * ones that honour it. It rides on the context rather than beside it because the writer takes
   * the context and every service already passes the write's actor on to it: no service's
   * signature changes, and none can drop the key on the way. A request makes one such write.
   */
  idempotency?: IdempotentRequest;
}

/** What the writer needs to claim a key and to tell a replay from another request. */
export interface IdempotentRequest {
  /** The client's key, its format checked (`^[A-Za-z0-9._:-]{8,128}$`). */
  key: string;
  /** SHA-256 of the method, the path, the expected version and the canonical body. */
  hash: string;
  /** The route's success status, stored beside the result. */
  status: number;
}

/**
 * A signed-in person acting through a request: her context with the user known. Services take it
 * first (`assign(actor, caseId, …)`) instead of a context and a user side by side; it is a
 * RequestContext, so the audit log and the scope checks take it as it is.
 */
export interface Actor extends RequestContext {
  user: AuthUser;
}

/** A context for work that no person started (the worker, boot, scripts). */
export const systemContext = (requestId = 'system'): RequestContext => ({
  user: null,
  requestId,
  ip: null,
  lang: DEFAULT_LANG,
});

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export function contextOf(request: AuthenticatedRequest): RequestContext {
  return {
    user: request.user ?? null,
    requestId: String(request.id),
    ip: request.ip ?? null,
    lang: negotiateLanguage(request.headers['accept-language']),
  };
}

/** `@Ctx() ctx: RequestContext` in a handler. */
export const Ctx = createParamDecorator((_data: unknown, host: ExecutionContext): RequestContext =>
  contextOf(host.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/**
 * `@Caller() actor: Actor` in a handler of an authenticated route (the access guard has loaded
 * the user; on a public route use `@Ctx()`).
 */
export const Caller = createParamDecorator((_data: unknown, host: ExecutionContext): Actor => {
  const ctx = contextOf(host.switchToHttp().getRequest<AuthenticatedRequest>());
  if (!ctx.user) throw new Error('@Caller() on a route without an authenticated user');
  return ctx as Actor;
});

/** `@CurrentUser() user: AuthUser` on routes that require authentication. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, host: ExecutionContext): AuthUser | undefined =>
    host.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
