import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import type { Env } from '../../config/env.js';
import { AuthCode } from './auth.codes.js';

/**
 * The browser's session: its refresh token lives in an httpOnly cookie that only the refresh
 * route receives, so page scripts never hold it (the access token stays in memory).
 *
 * CSRF: the cookie is SameSite=Strict, and the refresh route takes it only from a request
 * carrying `X-Requested-With: mediation-web`. A cross-site form or link cannot set a header; a
 * cross-site `fetch` that sets one needs a CORS preflight, which the API refuses to any origin not
 * configured (cors.ts). Clients that send the token in the body (the JSON flow) are unaffected.
 */
export const REFRESH_COOKIE = 'mediation_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth/refresh';
export const WEB_CLIENT_HEADER = 'x-requested-with';
export const WEB_CLIENT_VALUE = 'mediation-web';

/** The request comes from the web app, which keeps its session in the cookie. */
export const isWebClient = (request: FastifyRequest): boolean =>
  request.headers[WEB_CLIENT_HEADER] === WEB_CLIENT_VALUE;

export const refreshCookieOf = (request: FastifyRequest): string | undefined => {
  const value = request.cookies?.[REFRESH_COOKIE];
  return value ? value : undefined;
};

export const csrfRefused = (): DomainError =>
  new DomainError(AuthCode.CsrfHeaderMissing, 'forbidden');

export function setRefreshCookie(reply: FastifyReply, env: Env, token: string): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: env.NODE_ENV === 'production',
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: env.REFRESH_TTL_DAYS * 86_400,
  });
}

export function clearRefreshCookie(reply: FastifyReply, env: Env): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    secure: env.NODE_ENV === 'production',
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  });
}
