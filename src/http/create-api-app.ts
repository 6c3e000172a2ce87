import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { LogController, type FastifyRequest } from 'fastify';
import { ApiModule } from '../api.module.js';
import { DomainError } from '../common/errors/domain-error.js';
import { answerErrorsAsProblems, sendFrameworkError } from '../common/errors/problem.filter.js';
import { RequestCode } from '../common/i18n/common.codes.js';
import { createPino, PinoLoggerService, requestIdOf } from '../common/logging/logger.js';
import { createValidationPipe } from '../common/validation/validation.pipe.js';
import { loadEnv } from '../config/config.module.js';
import { MetricsService } from '../modules/metrics/metrics.service.js';
import { applyRouteBodyLimits, DEFAULT_BODY_LIMIT } from './body-limits.js';
import { mountBullBoard } from './bull-board.js';
import { openApiDocument } from '../common/openapi/document.js';
import { corsDelegate } from './cors.js';
import { parseFormBody, parseJsonBody } from './json-body.js';
import { installServiceMessages } from '../messages.js';
import { mountWebApp } from './web-app.js';
import { SCAN_UPLOAD_ROUTE } from '../modules/documents/scans/scan-multipart.js';

export const API_PREFIX = 'api/v1';
const CREDENTIAL_ROUTES = new Set([`/${API_PREFIX}/auth/login`, `/${API_PREFIX}/auth/refresh`]);
const UNLOGGED_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  return openApiDocument(app);
}

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0];

/** The HTTP API, fully configured; `main.ts`, the all-in-one start and the tests all use this. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const env = loadEnv();
  // Problems are written from the catalogues: installed before any request can fail.
  installServiceMessages();
  const pino = createPino(env);
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    // One line per request (onResponse below), without query strings.
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'requestId',
    }),
    genReqId: requestIdOf,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: env.TRUST_PROXY,
    // A malformed URL (`%ZZ`) or an over-long path parameter is refused by the router before
    // any hook or error handler: answered here, in the same problem+json as everything else.
    frameworkErrors: sendFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    logger: new PinoLoggerService(pino),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  answerErrorsAsProblems(fastify);
  applyRouteBodyLimits(fastify);

  // Bodies are checked for depth, key count and prototype keys as they are parsed, before
  // class-transformer (which recursed until the stack overflowed) ever sees them.
  for (const [type, parse] of [
    ['application/json', parseJsonBody],
    ['application/x-www-form-urlencoded', parseFormBody],
  ] as const) {
    app.useBodyParser(type, {}, (_req, body, done) => {
      try {
        done(null, parse(body));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  }
  // Its size limit is the import route's (body-limits.ts).
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  // multipart/form-data for the scans of signed pages only (their limits: scan-multipart.ts);
  // every other route refuses it as before, with 415.
  await app.register(multipart);
  fastify.addHook('preValidation', async (request) => {
    if (
      request.isMultipart() &&
      `${request.method} ${request.routeOptions.url}` !== SCAN_UPLOAD_ROUTE
    ) {
      throw Object.assign(new Error('multipart/form-data is not accepted here'), {
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      });
    }
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
  });
  // The web app's refresh token travels in a cookie (modules/auth/refresh-cookie.ts).
  await app.register(cookie);
  // Per client IP and minute; the routes that take secrets have their own, stricter budget.
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (request) =>
      CREDENTIAL_ROUTES.has(pathOf(request))
        ? env.LOGIN_THROTTLE_LIMIT_PER_MINUTE
        : env.THROTTLE_LIMIT_PER_MINUTE,
    keyGenerator: (request) =>
      CREDENTIAL_ROUTES.has(pathOf(request)) ? `cred:${request.ip}` : request.ip,
    allowList: (request) => UNLOGGED_ROUTES.has(pathOf(request)),
    // `statusCode`: for a route whose errors Fastify handles itself (see answerErrorsAsProblems).
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new DomainError(
          RequestCode.RateLimited,
          'rate_limited',
          { seconds: Math.ceil(context.ttl / 1000) },
          [],
          Math.ceil(context.ttl / 1000),
        ),
        { statusCode: 429 },
      ),
  });
  app.enableCors({
    delegator: corsDelegate(
      env.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  });

  const metrics = app.get(MetricsService);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', String(request.id));
    if (
      (request.url.startsWith(`/${API_PREFIX}/`) || request.url.startsWith('/admin/')) &&
      !reply.hasHeader('Cache-Control')
    ) {
      void reply.header('Cache-Control', 'no-store');
    }
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      seconds,
    );
    if (UNLOGGED_ROUTES.has(route)) return;
    const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'warn' : 'info';
    request.log[level](
      {
        method: request.method,
        path: pathOf(request),
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  await mountBullBoard(app, fastify);
  await mountWebApp(fastify);
  return app;
}
