import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import { ApiModule } from '../api.module.js';
import { createValidationPipe } from '../common/validation/validation.pipe.js';
import { requestIdOf } from '../common/logging/logger-options.js';
import { Env } from '../config/env.js';
import { MetricsService } from '../modules/metrics/metrics.service.js';
import { mountBullBoard } from './bull-board.js';

export const API_PREFIX = 'api/v1';

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Family mediation case service (诉前调解)')
    .setDescription(
      'Court pre-litigation family mediation: referral, consent and screening, assignment, sessions, outcomes, ' +
        'documents, reminders and statistics. Errors are application/problem+json with a stable `code`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** The HTTP API, fully configured; `main.ts`, the all-in-one start and the tests all use this. */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 2 * 1024 * 1024,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    trustProxy: process.env.TRUST_PROXY === 'true',
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, { bufferLogs: true });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  const env = app.get(Env);
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
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
  app.enableCors({
    origin: env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
  });

  const metrics = app.get(MetricsService);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', String(request.id));
    if (request.url.startsWith(`/${API_PREFIX}/`) || request.url.startsWith('/admin/')) {
      void reply.header('Cache-Control', 'no-store');
    }
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
  await mountBullBoard(app, fastify);
  return app;
}
