import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import { RequestCode } from '../common/i18n/common.codes.js';

/** `@fastify/cors`'s options, as Nest's `enableCors()` takes them. */
type CorsOptions = NonNullable<Parameters<NestFastifyApplication['enableCors']>[0]>;
type CorsCallback = (error: Error | null, options?: CorsOptions) => void;

// `statusCode`: the preflight route is Fastify's, whose error handler reads it.
export const corsRefused = (): DomainError =>
  Object.assign(new DomainError(RequestCode.CorsOriginNotAllowed, 'forbidden'), {
    statusCode: 403,
  });

/** The request's own origin: the web app is served by the API itself. */
function isSameOrigin(origin: string, request: FastifyRequest): boolean {
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false; // `null` (sandboxed frames, file:) and anything unparsable
  }
}

/**
 * `@fastify/cors` options per request. No Origin, or the API's own: untouched. A configured
 * origin: the CORS headers, and preflights answered 204 with every method the API has. Any
 * other origin: 403 problem+json, preflight or not (by default the plugin answered its
 * preflight 204 without an allowed origin, and let its requests through).
 */
export function corsDelegate(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (request: FastifyRequest, callback: CorsCallback): void => {
    const origin = request.headers.origin;
    if (origin === undefined || (!allowed.has(origin) && isSameOrigin(origin, request))) {
      callback(null, { origin: false });
      return;
    }
    if (!allowed.has(origin)) {
      callback(corsRefused());
      return;
    }
    callback(null, {
      origin,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
      // An OPTIONS request without Access-Control-Request-Method is no preflight: it goes on
      // to routing (404) instead of the plugin's text/plain 400.
      preflight: request.method !== 'OPTIONS' || !!request.headers['access-control-request-method'],
    });
  };
}
