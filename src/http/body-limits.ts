import type { FastifyInstance } from 'fastify';

const KB = 1024;
const MB = 1024 * KB;

/** Every route not listed below: the largest body of the other DTOs is well under 64 KB. */
export const DEFAULT_BODY_LIMIT = 256 * KB;

/**
 * Routes whose body may be larger or must be smaller than the default, as `METHOD /path` of the
 * Fastify route. Sized from the DTOs' limits with 3 bytes per character (UTF-8 Chinese).
 */
export const ROUTE_BODY_LIMITS: Readonly<Record<string, number>> = {
  // Credentials: a username, a password or a refresh token; nothing else comes without a token.
  'POST /api/v1/auth/login': 16 * KB,
  'POST /api/v1/auth/refresh': 16 * KB,
  'POST /api/v1/auth/logout': 16 * KB,
  // 调解笔录: up to 100 statements of 5000 characters.
  'POST /api/v1/sessions/:id/record': 2 * MB,
  // An agreement: up to 20 children's terms and 200 property and debt items.
  'POST /api/v1/cases/:id/outcome': 512 * KB,
  // The regions CSV (a province's villages).
  'POST /api/v1/regions/import': 5 * MB,
};

/**
 * Gives the routes of ROUTE_BODY_LIMITS their limit as they are registered (a route's limit
 * wins over its content-type parser's), and refuses to start if one of them names no route:
 * a renamed route would otherwise silently fall back to the default.
 */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  const unmatched = new Set(Object.keys(ROUTE_BODY_LIMITS));
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      if (key in ROUTE_BODY_LIMITS && route.bodyLimit === undefined) {
        route.bodyLimit = ROUTE_BODY_LIMITS[key];
        unmatched.delete(key);
      }
    }
  });
  fastify.addHook('onReady', async () => {
    if (unmatched.size > 0) {
      throw new Error(`ROUTE_BODY_LIMITS names routes that do not exist: ${[...unmatched]}`);
    }
  });
}
